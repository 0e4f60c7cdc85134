import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import {
  AgentApplication, CloudAdapter, OutboundHostValidator, TurnState, getAuthConfigWithDefaults,
  type AuthConfiguration, type TurnContext,
} from '@microsoft/agents-hosting';
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import type { Config } from '../config.ts';
import { apology } from '../conversation/apology.ts';
import type { Reply } from '../conversation/reply.ts';
import type { ConversationEngine, TurnInput } from '../conversation/turn.ts';
import { AppError, isAppError } from '../errors.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { activityBody, checkActivity } from './activity-request.ts';
import { deliver, isUndeliverable, sendReplies } from './activity-delivery.ts';
import { sendHandoffInitiation, type HandoffEventSettings } from './activity-handoff.ts';
import { CARD_VERB, parseTurnAction } from './adaptive-cards.ts';
import { botAuthentication, loopbackCallersOnly } from './bot-auth.ts';
import { createServiceUrlPolicy, type ServiceUrlPolicy } from './service-url-policy.ts';
import type { PublicLinks } from './public-links.ts';
import { greetingTarget, shopperId } from './teams-identity.ts';
import { createActivityPusher, saveReplyAddress } from './activity-pusher.ts';
import type { ReplyAddresses } from '../handoff/reply-addresses.ts';
import type { ShopperPusher } from '../handoff/shopper-delivery.ts';

/** The slice of configuration the Bot Framework endpoint needs. */
export type BotAuthSettings = Pick<Config, 'botAppId' | 'botAppPassword' | 'botTenantId' | 'environment'>;

export interface AgentsEndpointDeps {
  engine: ConversationEngine;
  auth: BotAuthSettings;
  /** Where failed turns and refused requests are reported; the shopper only sees a plain apology. */
  log?: Logger;
  /** Hosts beyond the Bot Service's that replies may be posted to (AISLE_BOT_SERVICE_HOSTS). */
  serviceHosts?: readonly string[];
  /** How product pictures and pages become absolute URLs (AISLE_PUBLIC_URL); without a base URL relative ones are left out. */
  links?: PublicLinks;
  /** Channels whose handoffs are also announced as `handoff.initiate` events (AISLE_BOT_HANDOFF_CHANNELS); none: never. */
  handoffEvents?: HandoffEventSettings;
  /**
   * Agents' messages sent as they are written (proactively): where conversations are written to, and where the pusher
   * is registered (the shopper delivery). None: they go with the shopper's next turn.
   */
  proactive?: { addresses: ReplyAddresses; addPusher(pusher: ShopperPusher): void };
  limits?: {
    /** Per caller address; applied only to anonymous (development) endpoints, see mountAgentsEndpoint. */
    perAddress?: RequestHandler;
    /** Per conversation, once the activity is authenticated and checked. */
    perConversation?: RequestHandler;
    /** Per caller address, counting only requests refused for their token (endpoints with an app id). */
    refusals?: { before: RequestHandler; refused: (req: Request) => void };
  };
}

export const MESSAGES_PATH = '/api/messages';
/** What a new shopper "says" so the engine's greeting answers them. */
const GREETING_TEXT = 'hello';
/** The first typing indicator is sent by hand before the engine runs; the SDK's timer then renews it. */
const TYPING_RENEW_MS = 4000;
const CONNECTION = 'aisle';
/** The client (Teams, Outlook) shows this by the card; the replies themselves arrive as messages. */
const INVOKE_DONE = 'Done.';
/** Action.Execute verbs that are not Aisle's own. */
const OTHER_VERBS = new RegExp(`^(?!${CARD_VERB}$)`);
/** Where the request's logger waits in the SDK's per-turn state. */
const REQUEST_LOG = Symbol('aisle.requestLog');

const TEXT_ONLY: Reply = { text: 'I can only read text for now. Tell me in words what you are looking for.' };

const STALE_BUTTON: Reply = {
  text: "Sorry, that button is from a card I can't use any more. Tell me what you're looking for and I'll show you fresh results.",
};

/**
 * Mounts POST /api/messages: Bot Framework / Entra JWTs checked by the SDK's `authorizeJWT` (refusals as our
 * 401), the activity checked (400) and rate-limited per conversation (429), then the CloudAdapter runs the turn
 * and posts replies to the activity's `serviceUrl`, which must be a Bot Service host (or, in development, this
 * machine, for a caller on this machine). Without an app id only callers on this machine are served (else 401),
 * and only then does the per-address limit apply: signed traffic all comes from the Bot Service's own addresses,
 * so limiting those would throttle every shopper at once.
 * Throws CONFIG_INVALID when the settings would leave the endpoint open in production.
 */
export function mountAgentsEndpoint(app: express.Express, deps: AgentsEndpointDeps): void {
  const log = deps.log ?? silentLogger;
  const logOf = (res: Response) => (res.locals.log as Logger | undefined) ?? log;
  const authConfig = sdkAuthConfig(deps.auth);
  const policy = createServiceUrlPolicy({ extraHosts: deps.serviceHosts, allowLoopback: deps.auth.environment === 'development' });
  const adapter = new CloudAdapter(authConfig, undefined, undefined, undefined, sdkHostCheck(policy, deps.auth.environment === 'development'));
  const agent = createAgent(adapter, deps, log);
  if (deps.proactive) deps.proactive.addPusher(createActivityPusher(adapter, deps.auth.botAppId, deps.proactive.addresses, log, deps.links));
  const anonymous = !deps.auth.botAppId;
  const guards = [
    ...(anonymous ? [loopbackCallersOnly(logOf)] : []),
    ...(anonymous && deps.limits?.perAddress ? [deps.limits.perAddress] : []),
    ...(!anonymous && deps.limits?.refusals ? [deps.limits.refusals.before] : []),
    activityBody, botAuthentication(authConfig, logOf, deps.limits?.refusals?.refused), checkActivity(policy, logOf),
    ...(deps.limits?.perConversation ? [deps.limits.perConversation] : []),
  ];
  app.post(MESSAGES_PATH, ...guards, (req, res) => adapter.process(req, res, (context) => {
    context.turnState.set(REQUEST_LOG, logOf(res));
    return agent.run(context);
  }));
}

/** The SDK's own outbound check, as a second line behind `checkActivity`; it also stops its OutboundHostValidator__* variables from loosening ours. */
function sdkHostCheck(policy: ServiceUrlPolicy, development: boolean): OutboundHostValidator {
  const loopback = development ? ['localhost', '127.0.0.1', '[::1]'] : [];
  return new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: [...policy.hosts, ...loopback] });
}

/** Our settings as the SDK's single connection, so its own environment variables cannot override them. */
function sdkAuthConfig(auth: BotAuthSettings): AuthConfiguration {
  if (!auth.botAppId && auth.environment === 'production') {
    throw new AppError('CONFIG_INVALID', 'Set AISLE_BOT_APP_ID, AISLE_BOT_APP_PASSWORD and AISLE_BOT_TENANT_ID from the Azure Bot registration: '
      + 'in production /api/messages accepts only requests signed by the Bot Service. (AISLE_ENV=development allows anonymous local testing.)');
  }
  if (auth.botAppId && !auth.botAppPassword) {
    throw new AppError('CONFIG_INVALID', 'AISLE_BOT_APP_ID is set but AISLE_BOT_APP_PASSWORD is not: set the client secret of the app registration so replies can be sent.');
  }
  // validateIssuer: a signed token from another Entra tenant must not pass just because its audience matches.
  const connection: AuthConfiguration = {
    clientId: auth.botAppId, clientSecret: auth.botAppPassword, tenantId: auth.botTenantId, validateIssuer: true,
  };
  try {
    return getAuthConfigWithDefaults({
      ...connection, connections: new Map([[CONNECTION, connection]]), connectionsMap: [{ serviceUrl: '*', connection: CONNECTION }],
    });
  } catch (cause) {
    // The SDK refuses to run without a client id when NODE_ENV=production, whatever AISLE_ENV says.
    throw new AppError('CONFIG_INVALID', `The Agents SDK refused the bot settings (${errorText(cause)}): set AISLE_BOT_APP_ID, or unset NODE_ENV=production for local testing.`, { cause });
  }
}

/** Runs one engine turn for a channel activity; false when the engine failed and the shopper got the apology. */
type RunTurn = (context: TurnContext, input: TurnInput) => Promise<boolean>;

function createAgent(adapter: CloudAdapter, deps: AgentsEndpointDeps, log: Logger): AgentApplication<TurnState> {
  // removeRecipientMention (the SDK's default) takes "<at>Aisle</at>" out of Teams channel and group-chat messages.
  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: true, typing: { initialDelayMs: TYPING_RENEW_MS }, removeRecipientMention: true });
  const runTurn = turnRunner(deps, log);
  agent.onConversationUpdate('membersAdded', (context) => greet(context, runTurn));
  agent.onActivity(ActivityTypes.Message, (context) => onMessage(context, runTurn));
  agent.adaptiveCards.actionExecute<{ data?: unknown }>(CARD_VERB, (context, _state, executed) => onCardAction(context, executed.data, runTurn));
  // Any other verb (a card from another version of Aisle) would get the SDK's 501, which Teams shows as an error on the card.
  agent.adaptiveCards.actionExecute(OTHER_VERBS, (context) => onCardAction(context, undefined, runTurn));
  // Replaces the SDK's default ("please fix the source code"), which is addressed to developers, not shoppers.
  agent.onError(async (context, err) => {
    const turnLog = logFor(context, log);
    if (isUndeliverable(err)) {
      turnLog.warn({ err }, 'replies could not be delivered to the Bot Connector');
      return;
    }
    turnLog.error({ err }, 'turn failed');
    await sendReplies(context, [apology()]).catch((sendErr: unknown) => turnLog.warn({ err: sendErr }, 'the apology could not be delivered either'));
  });
  return agent;
}

function turnRunner({ engine, links, handoffEvents, proactive }: AgentsEndpointDeps, log: Logger): RunTurn {
  return async (context, input) => {
    const turnLog = logFor(context, log);
    await deliver(context, () => context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing })));
    let replies: readonly Reply[];
    let ok = true;
    try {
      const result = await engine.handle(input, { log: turnLog });
      replies = result.replies;
      // A person has (or will have) this conversation: keep where their messages can be posted as they write them.
      if (proactive && (result.handoff || result.relayed)) {
        await saveReplyAddress(proactive.addresses, context, input.user)
          .catch((err: unknown) => turnLog.warn({ err }, 'reply address not saved: agent messages wait for the next turn'));
      }
    } catch (err) {
      if (isAppError(err) && err.code === 'BAD_INPUT') turnLog.info({ reason: err.message }, 'turn refused');
      else turnLog.error({ err }, 'turn failed');
      replies = [apology()];
      ok = false;
    }
    await sendReplies(context, replies, links);
    // After the message that tells the shopper: the agent hub's event is not theirs to read.
    await sendHandoffInitiation(context, replies, handoffEvents);
    return ok;
  };
}

function logFor(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(REQUEST_LOG) as Logger | undefined) ?? fallback;
}

async function greet(context: TurnContext, runTurn: RunTurn): Promise<void> {
  const shopper = greetingTarget(context.activity);
  if (shopper) await runTurn(context, { ...turnOrigin(context), user: shopper, text: GREETING_TEXT });
}

async function onMessage(context: TurnContext, runTurn: RunTurn): Promise<void> {
  const { text, value } = context.activity;
  // An Action.Submit (the fallback of our Action.Execute buttons) posts a message carrying the data as `value`.
  if (value !== undefined && !text) {
    const action = parseTurnAction(value);
    if (action) await runTurn(context, { ...turnOrigin(context), action });
    else await sendReplies(context, [STALE_BUTTON]);
    return;
  }
  // An image or a sticker alone has no text to read: say so rather than apologise for an error.
  if (!text?.trim()) {
    await sendReplies(context, [TEXT_ONLY]);
    return;
  }
  // Over-long text goes through as is: the engine answers it in words instead of a silent cut.
  await runTurn(context, { ...turnOrigin(context), text });
}

/** The returned string becomes the invoke's `application/vnd.microsoft.activity.message` response; the card stays as it was. */
async function onCardAction(context: TurnContext, data: unknown, runTurn: RunTurn): Promise<string> {
  const action = parseTurnAction(data);
  if (!action) {
    await sendReplies(context, [STALE_BUTTON]);
    return STALE_BUTTON.text;
  }
  return (await runTurn(context, { ...turnOrigin(context), action })) ? INVOKE_DONE : apology().text;
}

/** Who and where, from an activity `checkActivity` has checked; a Teams user by their Entra object id (teams-identity.ts). */
function turnOrigin(context: TurnContext): Pick<TurnInput, 'conversation' | 'user' | 'channel'> {
  const { conversation, channelId } = context.activity;
  return { conversation: conversation?.id ?? '', user: shopperId(context.activity), channel: channelId };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
