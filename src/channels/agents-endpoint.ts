import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import {
  AgentApplication, CloudAdapter, TurnState, authorizeJWT, getAuthConfigWithDefaults,
  type AuthConfiguration, type TurnContext,
} from '@microsoft/agents-hosting';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Reply } from '../conversation/reply.ts';
import type { ConversationEngine, TurnInput } from '../conversation/turn.ts';
import { AppError } from '../errors.ts';
import { renderActivities } from './activity-renderer.ts';
import { CARD_VERB, parseTurnAction } from './adaptive-cards.ts';

/** The slice of configuration the Bot Framework endpoint needs. */
export type BotAuthSettings = Pick<Config, 'botAppId' | 'botAppPassword' | 'botTenantId' | 'environment'>;

export interface AgentsEndpointDeps {
  engine: ConversationEngine;
  auth: BotAuthSettings;
  /** Where failed turns are reported; the shopper only sees a plain apology. Defaults to console.error. */
  logError?: (err: unknown) => void;
}

export const MESSAGES_PATH = '/api/messages';
/** What a new shopper "says" so the engine's greeting answers them. */
const GREETING_TEXT = 'hello';
/** The first typing indicator is sent by hand before the engine runs; the SDK's timer then renews it. */
const TYPING_RENEW_MS = 4000;
const CONNECTION = 'aisle';
/** The client (Teams, Outlook) shows this by the card; the replies themselves arrive as messages. */
const INVOKE_DONE = 'Done.';

const APOLOGY: Reply = {
  text: 'Sorry, something went wrong on my side. Please try again in a moment, or tap "Talk to a person" and someone from our team will pick this up.',
  suggestions: ['Talk to a person'],
};
const TEXT_ONLY: Reply = { text: 'I can only read text for now. Tell me in words what you are looking for.' };

const STALE_BUTTON: Reply = {
  text: "Sorry, that button is from a card I can't use any more. Tell me what you're looking for and I'll show you fresh results.",
};

const activityShape = z.looseObject({
  type: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  from: z.looseObject({ id: z.string().min(1) }),
});

/**
 * Mounts POST /api/messages: Bot Framework / Entra JWTs checked by the SDK's `authorizeJWT`, then the
 * CloudAdapter runs the turn and posts replies to the activity's `serviceUrl` (the Bot Connector).
 * Throws CONFIG_INVALID when the settings would leave the endpoint open in production.
 */
export function mountAgentsEndpoint(app: express.Express, deps: AgentsEndpointDeps): void {
  const authConfig = sdkAuthConfig(deps.auth);
  const adapter = new CloudAdapter(authConfig);
  const agent = createAgent(adapter, deps.engine, deps.logError ?? ((err) => console.error(err)));
  app.post(MESSAGES_PATH, jsonBody, authorizeJWT(authConfig), requireActivity, (req: Request, res: Response) =>
    adapter.process(req, res, (context) => agent.run(context)));
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

function createAgent(adapter: CloudAdapter, engine: ConversationEngine, logError: (err: unknown) => void): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ adapter, startTypingTimer: true, typing: { initialDelayMs: TYPING_RENEW_MS } });
  const runTurn = turnRunner(engine, logError);
  agent.onConversationUpdate('membersAdded', (context) => greet(context, runTurn));
  agent.onActivity(ActivityTypes.Message, (context) => onMessage(context, runTurn));
  agent.adaptiveCards.actionExecute<{ data?: unknown }>(CARD_VERB, (context, _state, executed) => onCardAction(context, executed.data, runTurn));
  // Replaces the SDK's default ("please fix the source code"), which is addressed to developers, not shoppers.
  agent.onError(async (context, err) => {
    logError(err);
    await sendReplies(context, [APOLOGY]).catch(logError);
  });
  return agent;
}

function turnRunner(engine: ConversationEngine, logError: (err: unknown) => void): RunTurn {
  return async (context, input) => {
    await context.sendActivity(Activity.fromObject({ type: ActivityTypes.Typing }));
    try {
      const { replies } = await engine.handle(input);
      await sendReplies(context, replies);
      return true;
    } catch (err) {
      logError(err);
      await sendReplies(context, [APOLOGY]);
      return false;
    }
  };
}

async function greet(context: TurnContext, runTurn: RunTurn): Promise<void> {
  const { membersAdded = [], recipient } = context.activity;
  // Channels announce the bot joining too; greet once, and only when a person arrived.
  const shopper = membersAdded.find((member) => member.id && member.id !== recipient?.id)?.id;
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
  return (await runTurn(context, { ...turnOrigin(context), action })) ? INVOKE_DONE : APOLOGY.text;
}

async function sendReplies(context: TurnContext, replies: readonly Reply[]): Promise<void> {
  const activities = renderActivities(replies, { locale: context.activity.locale });
  if (activities.length) await context.sendActivities(activities.map((a) => Activity.fromObject(a)));
}

/** Who and where, from an activity `requireActivity` has checked. */
function turnOrigin(context: TurnContext): Pick<TurnInput, 'conversation' | 'user' | 'channel'> {
  const { conversation, from, channelId } = context.activity;
  return { conversation: conversation?.id ?? '', user: from?.id ?? '', channel: channelId };
}

const parseJson = express.json({ limit: '1mb' });

function jsonBody(req: Request, res: Response, next: NextFunction): void {
  parseJson(req, res, (err?: unknown) =>
    next(err ? new AppError('BAD_INPUT', 'The body must be a Bot Framework Activity as JSON (at most 1 MB).', { cause: err }) : undefined));
}

function requireActivity(req: Request, _res: Response, next: NextFunction): void {
  next(activityShape.safeParse(req.body).success
    ? undefined
    : new AppError('BAD_INPUT', 'The body must be a Bot Framework Activity with type, conversation.id and from.id.'));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
