import { App, ExpressReceiver, LogLevel, type AuthorizeResult, type Middleware, type AnyMiddlewareArgs, type webApi } from '@slack/bolt';
import express from 'express';
import { apology } from '../conversation/apology.ts';
import type { Reply } from '../conversation/reply.ts';
import type { ConversationEngine } from '../conversation/turn.ts';
import { AppError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { ShopperPusher } from '../handoff/shopper-delivery.ts';
import { aisleIds, deliveryId, slackTarget, turnOfAction, turnOfMessage, type SlackActionsBody, type SlackMessageEvent, type SlackTurn } from './slack-inbound.ts';
import { boltLogger, createSeenSet, timestampWindow } from './slack-guards.ts';
import { renderSlackMessage, SLACK_ACTION_PREFIX, type SlackMessage, type SlackRenderOptions } from './slack-renderer.ts';

/** Where Slack posts events and button presses (Event Subscriptions and Interactivity request URL). */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackDoorDeps {
  engine: ConversationEngine;
  /** AISLE_SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** AISLE_SLACK_SIGNING_SECRET: the Events API over HTTP, at POST /slack/events. */
  signingSecret?: string;
  /** AISLE_SLACK_APP_TOKEN (xapp-…): Socket Mode instead; Aisle dials Slack, nothing is mounted. */
  appToken?: string;
  /** Slack's Web API (AISLE_SLACK_API_URL); https://slack.com/api/ by default. */
  apiUrl?: string;
  render?: SlackRenderOptions;
  log?: Logger;
}

/** The Slack app's front door over the one conversation engine. */
export interface SlackDoor {
  readonly mode: 'http' | 'socket';
  /** POST /slack/events, to mount on Aisle's server; absent in Socket Mode. */
  readonly router?: express.Router;
  /** Posts an agent's (or Aisle's) handoff messages into the shopper's Slack conversation as they are sent. */
  readonly pusher: ShopperPusher;
  /** Checks the bot token with Slack (auth.test) and, in Socket Mode, connects: a wrong token stops start-up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Slack resends an event it thinks unanswered for up to ~5 minutes (3 retries); ids are kept longer than that. */
const SEEN_TTL_MS = 15 * 60_000;

export function createSlackDoor(deps: SlackDoorDeps): SlackDoor {
  if (!deps.appToken && !deps.signingSecret) throw new AppError('CONFIG_INVALID', 'The Slack app needs AISLE_SLACK_SIGNING_SECRET (events over HTTP) or AISLE_SLACK_APP_TOKEN (Socket Mode).');
  const log = (deps.log ?? silentLogger).child({ channel: 'slack' });
  const mode = deps.appToken ? 'socket' : 'http';
  let identity: AuthorizeResult | undefined;
  const { app, receiver } = boltApp(deps, log, async () => {
    if (!identity) throw new AppError('UNAVAILABLE', 'The Slack door is not started.');
    return identity;
  });
  listen(app, deps, log);
  let router: express.Router | undefined;
  if (receiver) {
    router = express.Router();
    router.post(SLACK_EVENTS_PATH, timestampWindow(log));
    router.use(receiver.router);
  }
  return {
    mode,
    router,
    pusher: slackPusher(app.client, deps, log),
    async start() {
      identity = await whoAmI(app.client, deps.botToken);
      log.info({ team: identity.teamId, botUser: identity.botUserId, mode }, mode === 'http' ? `slack: events at POST ${SLACK_EVENTS_PATH}` : 'slack: connecting over Socket Mode');
      if (mode === 'socket') await app.start();
    },
    async stop() {
      if (mode === 'socket' && identity) await app.stop();
    },
  };
}

/** Bolt over Aisle's logger: an ExpressReceiver for HTTP (its router mounted by Aisle), Socket Mode otherwise. */
function boltApp(deps: SlackDoorDeps, log: Logger, authorize: () => Promise<AuthorizeResult>): { app: App; receiver?: ExpressReceiver } {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: deps.apiUrl, timeout: 10_000, retryConfig: { retries: 2, minTimeout: 500, maxTimeout: 2000 },
  };
  const receiver = deps.appToken ? undefined
    : new ExpressReceiver({ signingSecret: deps.signingSecret ?? '', logger, endpoints: SLACK_EVENTS_PATH, router: express.Router(), processBeforeResponse: false });
  const app = new App({
    authorize, logger, logLevel: LogLevel.DEBUG, clientOptions,
    ...(receiver ? { receiver } : { socketMode: true, appToken: deps.appToken }),
  });
  return { app, receiver };
}

/** DMs, mentions and Aisle's buttons become turns; every delivery is answered once. */
function listen(app: App, deps: SlackDoorDeps, log: Logger): void {
  const answerTurn = (turn: SlackTurn | undefined, client: webApi.WebClient) => (turn ? answer(deps, turn, client, log) : Promise.resolve());
  app.use(dropRepeats(log));
  app.event('message', ({ event, body, client }) => answerTurn(turnOfMessage(event as SlackMessageEvent, body.team_id), client));
  app.event('app_mention', ({ event, body, client }) => answerTurn(turnOfMessage(event as SlackMessageEvent, body.team_id), client));
  app.action(new RegExp(`^${SLACK_ACTION_PREFIX}`), async ({ ack, body, client }) => {
    await ack();
    await answerTurn(turnOfAction(body as SlackActionsBody), client);
  });
  app.error(async (err) => void log.error({ err }, 'slack event failed'));
}

/** chat.postMessage with the bot token, outside any turn: Slack's Web API takes it from any replica. */
function slackPusher(client: webApi.WebClient, deps: SlackDoorDeps, log: Logger): ShopperPusher {
  return {
    handles: (channel) => channel === 'slack',
    async push(handoff, text) {
      const target = slackTarget(handoff.conversation);
      if (!target) return false;
      const message = renderSlackMessage({ text }, deps.render);
      try {
        await client.chat.postMessage({ token: deps.botToken, channel: target.channel, thread_ts: target.threadTs, unfurl_links: false, unfurl_media: false, ...message });
        return true;
      } catch (err) {
        // Not lost: it stays undelivered and is handed over with the shopper's next turn.
        log.warn({ err, channel: target.channel }, 'slack: agent message not posted; it goes with the next turn');
        return false;
      }
    },
  };
}

/** auth.test: the bot's own ids (so its messages are ignored) and a wrong token reported at start-up. */
async function whoAmI(client: webApi.WebClient, botToken: string): Promise<AuthorizeResult> {
  try {
    const r = await client.auth.test({ token: botToken });
    return { botToken, botId: r.bot_id, botUserId: r.user_id, teamId: r.team_id };
  } catch (cause) {
    const code = (cause as { data?: { error?: string } }).data?.error;
    if (code) throw new AppError('CONFIG_INVALID', `Slack refused AISLE_SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token (xoxb-…) from the app's "OAuth & Permissions" page.`, { cause });
    throw new AppError('UNAVAILABLE', `Slack's Web API could not be reached (${(cause as Error).message}); check the network or AISLE_SLACK_API_URL.`, { cause });
  }
}

/** Each delivery answered once: Slack's retries (X-Slack-Retry-Num) and repeated presses carry the same id. */
function dropRepeats(log: Logger): Middleware<AnyMiddlewareArgs> {
  const seen = createSeenSet(SEEN_TTL_MS);
  return async (args) => {
    const id = deliveryId(args.body as { event_id?: string; trigger_id?: string; type?: string });
    if (id && !seen.add(id)) {
      log.info({ delivery: id, retry: args.context.retryNum, reason: args.context.retryReason }, 'slack: repeated delivery dropped');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await args.next();
  };
}

/** Runs the turn and posts each reply into the thread; a failed turn is answered with an apology. */
async function answer(deps: SlackDoorDeps, turn: SlackTurn, client: webApi.WebClient, log: Logger): Promise<void> {
  const ids = aisleIds(turn.place);
  let replies: Reply[];
  try {
    replies = (await deps.engine.handle({ ...ids, channel: 'slack', ...turn.input }, { log })).replies;
  } catch (err) {
    log.error({ err, conversation: ids.conversation }, 'slack turn failed: answered with an apology');
    replies = [apology()];
  }
  for (const reply of replies) await post(client, turn, renderSlackMessage(reply, deps.render), log);
}

async function post(client: webApi.WebClient, turn: SlackTurn, message: SlackMessage, log: Logger): Promise<void> {
  const target = { channel: turn.place.channel, thread_ts: turn.place.threadTs, unfurl_links: false, unfurl_media: false };
  try {
    await client.chat.postMessage({ ...target, ...message });
  } catch (err) {
    // A catalog picture Slack cannot fetch makes it refuse the whole message: send it again without pictures.
    if ((err as { data?: { error?: string } }).data?.error !== 'invalid_blocks') return void log.error({ err, channel: target.channel }, 'slack: reply not posted');
    log.warn({ channel: target.channel }, 'slack refused the reply\'s blocks: posted again without pictures');
    await client.chat.postMessage({ ...target, ...withoutPictures(message) }).catch((e: unknown) => log.error({ err: e }, 'slack: reply not posted'));
  }
}

function withoutPictures(message: SlackMessage): SlackMessage {
  return { ...message, blocks: message.blocks.map((b) => (b.type === 'section' && b.accessory?.type === 'image' ? { ...b, accessory: undefined } : b)) };
}
