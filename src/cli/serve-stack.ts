import type express from 'express';
import { parseHostList } from '../channels/service-url-policy.ts';
import { publicUrlWarning } from '../channels/public-links.ts';
import type { Config } from '../config.ts';
import type { ConversationStore } from '../storage/conversation-store.ts';
import type { ConversationEngine } from '../conversation/turn.ts';
import { startTurnLogRetention } from '../conversation/turn-log-retention.ts';
import { AppError } from '../errors.ts';
import { readCurrentIndex, type IndexManifest } from '../index/index-manifest.ts';
import type { Logger } from '../logger.ts';
import type { ProductSearch } from '../search/search.ts';
import { createApp } from '../server/app.ts';
import { createShelf } from '../storefront/shelf.ts';
import { loadHelpCentre } from '../support/help-centre-file.ts';
import { generatedImagePath, generatedPngPath } from '../storefront/product-views.ts';
import { normaliseOrigin } from '../channels/widget-guards.ts';
import { createWidgetService } from '../channels/widget-service.ts';
import { createSlackDoor, type SlackDoor } from '../channels/slack-door.ts';
import { openWidgetLog } from '../storage/open-widget-log.ts';
import type { WidgetLog } from '../storage/widget-log.ts';
import type { ReadinessProbe } from '../server/readiness.ts';
import { openChatStack } from './chat-stack.ts';
import { openReportOrders } from './report-orders.ts';
import { createWidgetPusher } from '../channels/widget-handoff.ts';
import { createAgentDesk } from '../handoff/agent-desk.ts';
import type { HandoffStore } from '../handoff/open-handoff-store.ts';
import type { HandoffState } from '../handoff/shopper-delivery.ts';
import { createSharedLoginThrottle } from '../agent-console/login-throttle.ts';
import type { SharedCounters } from '../server/shared-counters.ts';

/** What `aisle serve` runs: the HTTP app over the chat stack, with readiness probes and turn-log retention. */
export interface ServeStack {
  app: express.Express;
  search: ProductSearch;
  close(): Promise<void>;
}

/** Opens and checks everything the server needs (fail at start-up, not on the first request), then wires the app. */
export async function openServeStack(config: Config, log: Logger): Promise<ServeStack> {
  const stack = await openChatStack(config, log, { eager: true });
  let app: express.Express;
  let widgetLog: WidgetLog | undefined;
  let slack: SlackDoor | undefined;
  let counters: SharedCounters | undefined;
  try {
    // Several replicas (Redis configured): sign-in throttling and the widget's event allowance count across all of them.
    counters = config.redis ? await (await import('../storage/redis-counters.ts')).openRedisCounters(config.redis) : undefined;
    const storefront = config.storefront === 'on';
    widgetLog = config.widget === 'on' ? await openWidgetLog(config.db, config.home) : undefined;
    // Agents' messages reach widget shoppers live, on whichever replica their socket is.
    if (widgetLog) stack.delivery.addPusher(createWidgetPusher(widgetLog, stack.bus));
    const titles = new Map(stack.products.map((p) => [p.id, p.title]));
    const desk = createAgentDesk({
      queue: stack.handoffs.queue, agents: stack.handoffs.agents, delivery: stack.delivery, conversations: stack.conversations, events: stack.events,
      title: (id) => titles.get(id),
    });
    // Without the storefront there are no /images or /products pages to point a product card at.
    const render = storefront ? { imageFor: generatedImagePath, pageFor: (id: string) => `/products/${encodeURIComponent(id)}` } : {};
    slack = openSlackDoor(config, stack.engine, storefront ? render.pageFor : undefined, log);
    await slack?.start();
    // Agents' messages reach Slack shoppers as they are sent, not with their next message.
    if (slack) stack.delivery.addPusher(slack.pusher);
    app = createApp({
      search: stack.search, manifest: stack.manifest, log, trustProxy: config.trustProxy, shopperSecret: config.widgetSecret,
      rateLimits: { perIp: config.rateLimitPerIp, perConversation: config.rateLimitPerConversation },
      readiness: [databaseProbe(stack.conversations), indexProbe(config.home, stack.search, stack.manifest)],
      storefront: storefront
        ? {
          shelf: createShelf(stack.products), search: stack.search, widget: widgetLog ? { src: '/aisle/widget.js' } : undefined,
          // The pages the chat's help answers cite (/help/SLUG): the same help centre the help desk answers from.
          help: loadHelpCentre(config.home)?.articles,
        }
        : undefined,
      widget: widgetLog && {
        service: createWidgetService({
          engine: stack.engine, log: widgetLog, secret: config.widgetSecret, render, logger: log, events: stack.events, conversations: stack.conversations,
          handoffs: stack.handoffs.queue, bus: stack.bus, handoffState: (conversation) => handoffState(stack.handoffs, conversation), counters,
        }),
        origins: widgetOrigins(config),
        socketsPerIp: config.widgetSocketsPerIp,
      },
      slack: slack?.router,
      agentConsole: { desk, agents: stack.handoffs.agents, tickets: stack.handoffs.queue, canned: config.cannedReplies, publicUrl: config.publicUrl, bus: stack.bus,
        ...(counters ? { throttle: createSharedLoginThrottle(counters) } : {}),
        admin: {
          sources: { turns: stack.conversations, events: stack.events, ...(stack.embedder ? { embedder: stack.embedder } : {}) },
          handoffs: stack.handoffs.queue, home: config.home, ...(stack.embedder ? { embedder: stack.embedder } : {}),
          openOrders: () => openReportOrders(config),
        },
      },
      messages: {
        engine: stack.engine,
        auth: { botAppId: config.botAppId, botAppPassword: config.botAppPassword, botTenantId: config.botTenantId, environment: config.environment },
        serviceHosts: parseHostList(config.botServiceHosts),
        handoffEvents: { channels: config.botHandoffChannels, turns: (conversation, limit) => stack.conversations.turns(conversation, limit) },
        // Teams and the other Bot Service channels: agents' messages posted as they are sent (continueConversation).
        proactive: { addresses: stack.handoffs.addresses, addPusher: (pusher) => stack.delivery.addPusher(pusher) },
        // Teams cannot draw the storefront's SVGs: its cards get the PNG of the same picture.
        links: { baseUrl: config.publicUrl, ...(storefront ? { pageFor: render.pageFor, imageFor: generatedPngPath } : {}) },
      },
    });
  } catch (err) {
    await slack?.stop();
    await counters?.close();
    await widgetLog?.close();
    await stack.close();
    throw err;
  }
  const linkWarning = publicUrlWarning(config.publicUrl, config.environment);
  if (linkWarning) log.warn(linkWarning);
  // The widget's entries hold the same words as the turn log: they go with it.
  const purgeTurns = async (before: Date) => (await stack.conversations.purgeTurns(before)) + (await widgetLog?.purgeBefore(before) ?? 0)
    + (await stack.handoffs.queue.purgeBefore(before)); // what was said to a person goes with what was said to the bot
  const retention = startTurnLogRetention({ purgeTurns }, config.turnLogRetentionDays, log);
  // Events have their own period (AISLE_EVENT_RETENTION_DAYS): personalisation learns from longer history than the turn log keeps.
  const eventRetention = startTurnLogRetention({ purgeTurns: (before) => stack.events.purgeBefore(before) }, config.eventRetentionDays, log, { name: 'event log' });
  const close = async () => {
    retention.stop();
    eventRetention.stop();
    await Promise.all([retention.firstSweep, eventRetention.firstSweep]); // a sweep still running must not meet a closed store
    await slack?.stop();
    await stack.close();
    await widgetLog?.close();
    await counters?.close();
  };
  return { app, search: stack.search, close };
}

/** The conversation's open handoff as the widget shows it: in line (place) or with an agent (name). */
export async function handoffState(store: HandoffStore, conversation: string): Promise<HandoffState | undefined> {
  const open = await store.queue.current(conversation);
  if (!open) return undefined;
  if (open.status === 'waiting') return { state: 'waiting', position: await store.queue.position(open.id) };
  const agent = open.agent ? await store.agents.find(open.agent) : undefined;
  return { state: 'agent', agent: agent?.name ?? 'Our team' };
}

/** AISLE_WIDGET_ORIGINS, and AISLE_PUBLIC_URL's origin: Aisle's own pages as shoppers reach them (behind a TLS proxy too). */
function widgetOrigins(config: Config): ReadonlySet<string> {
  const own = config.publicUrl ? normaliseOrigin(config.publicUrl) : undefined;
  return new Set([...config.widgetOrigins, ...(own ? [own] : [])]);
}

/** The Slack app when configured (config.ts refuses half a configuration); product links absolute from AISLE_PUBLIC_URL. */
function openSlackDoor(config: Config, engine: ConversationEngine, pageFor: ((id: string) => string) | undefined, log: Logger): SlackDoor | undefined {
  if (!config.slackBotToken) return undefined;
  return createSlackDoor({
    engine, log, botToken: config.slackBotToken, signingSecret: config.slackSigningSecret, appToken: config.slackAppToken,
    apiUrl: config.slackApiUrl, render: { baseUrl: config.publicUrl, pageFor: config.publicUrl ? pageFor : undefined },
  });
}

/** Conversations are read and written on every turn: the database must answer. */
export function databaseProbe(store: ConversationStore): ReadinessProbe {
  return { name: 'database', check: () => store.ping() };
}

/** The index is served from memory; it must hold products, and its build must still be on disk for a restart. */
export function indexProbe(home: string, search: ProductSearch, served: IndexManifest): ReadinessProbe {
  return {
    name: 'index',
    check: async () => {
      if (search.size === 0) throw new AppError('UNAVAILABLE', 'The index holds no products: run `aisle ingest` and `aisle index`, then restart.');
      if (!readCurrentIndex(home)) throw new AppError('ARTIFACT_MISSING', `The index under ${home} (build ${served.buildId}) is gone: run \`aisle index\`.`);
    },
  };
}
