import path from 'node:path';
import { z } from 'zod';
import { resolveModelDir } from './embed/model-dir.ts';
import { DEFAULT_SOCKETS_PER_IP, parseOrigins } from './channels/widget-guards.ts';
import { AppError, isAppError } from './errors.ts';
import { checkSchemaName, resolveDbTarget } from './storage/db-target.ts';
import { resolveIntentModelDir } from './understanding/intent-model-dir.ts';
import { DEFAULT_SEMANTIC_WEIGHT } from './search/search.ts';
import { parseBusinessHours } from './handoff/business-hours.ts';
import { SUPPORT_INTENTS, type Intent } from './understanding/intents.ts';

/** Every setting Aisle reads, parsed once from the environment and CLI flags. */
const schema = z.object({
  home: z.string().min(1),
  db: z.string().default(''),
  model: z.string().min(1).default('default'),
  modelsDir: z.string().min(1),
  device: z.enum(['cpu', 'cuda']).default('cpu'),
  port: z.coerce.number().int().min(0).max(65535).default(3978),
  host: z.string().min(1).default('0.0.0.0'),
  batchSize: z.coerce.number().int().min(1).max(4096).default(32),
  hfEndpoint: z.string().url().default('https://huggingface.co'),
  hnswM: z.coerce.number().int().min(4).max(128).default(16),
  hnswEfConstruction: z.coerce.number().int().min(10).max(2000).default(200),
  hnswEfSearch: z.coerce.number().int().min(10).max(5000).default(128),
  semanticWeight: z.coerce.number().min(0).max(10).default(DEFAULT_SEMANTIC_WEIGHT),
  // Azure Bot registration; without an app id /api/messages is anonymous, allowed only in development.
  botAppId: z.string().min(1).optional(),
  botAppPassword: z.string().min(1).optional(),
  botTenantId: z.string().min(1).optional(),
  environment: z.enum(['development', 'production']).default('development'),
  // The intent model: a directory, or a name under modelsDir; it must be trained with the encoder in use.
  intentModel: z.string().min(1).default('aisle-intents-v2'),
  // Unset: each command picks its own (serve logs at info, chat at warn so the terminal stays readable).
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  // Token buckets over one minute; 0 turns a limit off. In-memory: each replica counts on its own.
  rateLimitPerIp: z.coerce.number().int().min(0).default(120),
  rateLimitPerConversation: z.coerce.number().int().min(0).default(30),
  // Express's "trust proxy": which hops' X-Forwarded-For to believe, so per-IP limits see the shopper, not the proxy.
  trustProxy: z.string().default(''),
  // Extra hosts (suffixes) /api/messages may post replies to, beyond the Bot Service's own.
  botServiceHosts: z.string().default(''),
  // Bot Service channel ids ("directline,omnichannel", or "*") whose handoffs are also sent as a handoff.initiate
  // event for an agent hub; off by default, since Aisle's own queue already takes every handoff.
  botHandoffChannels: z.string().default('').transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean)),
  // How long a turn waits for its conversation while another turn holds it, before apologising.
  lockTimeoutMs: z.coerce.number().int().min(1).max(600_000).default(5000),
  // Turn-log rows older than this are deleted by `aisle serve` (at start and hourly); 0 keeps them forever.
  turnLogRetentionDays: z.coerce.number().int().min(0).default(30),
  // Behaviour events (ids, query, position) older than this go the same way; longer than the turn log, since
  // personalisation learns from months of them and they hold no conversation text. 0 keeps them forever.
  eventRetentionDays: z.coerce.number().int().min(0).default(180),
  // The demo shop at / (src/storefront/); a store that serves only the API and the widget turns it off.
  storefront: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  // The chat widget (/aisle/widget.js, /aisle/ws, /aisle/messages); its pages' origins besides Aisle's own.
  widget: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  widgetOrigins: z.string().default('').transform((list, ctx) => {
    try {
      return Object.freeze([...parseOrigins(list)]);
    } catch (err) {
      ctx.issues.push({ code: 'custom', message: (err as Error).message, input: list });
      return z.NEVER;
    }
  }),
  // Open widget WebSockets one address (an IPv6 /64) may hold; past it an upgrade gets 429. 0: no cap.
  widgetSocketsPerIp: z.coerce.number().int().min(0).max(100_000).default(DEFAULT_SOCKETS_PER_IP),
  // The secret a store's backend signs shoppers' sign-in tokens with (HMAC-SHA256); absent: anonymous shoppers only.
  widgetSecret: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  // Aisle's address as shoppers' apps reach it (https://shop.example.com): Slack and Teams need absolute product links.
  publicUrl: z.string().regex(/^https?:\/\/[^/\s]+/i, 'must be an http(s) address such as https://aisle.example.com').optional(),
  // The Slack app: off unless a bot token is set; with a signing secret Slack posts to /slack/events, with an app token Socket Mode.
  slackBotToken: z.string().regex(/^xoxb-/, 'must be the Bot User OAuth Token (xoxb-…) from the app\'s "OAuth & Permissions" page').optional(),
  slackSigningSecret: z.string().min(1).optional(),
  slackAppToken: z.string().regex(/^xapp-/, 'must be an app-level token (xapp-…) with the connections:write scope').optional(),
  // Slack's Web API; another only for a proxy, GovSlack (https://slack-gov.com/api/) or tests.
  slackApiUrl: z.string().url().optional(),
  // When people answer handoffs ("Mon-Fri 09:00-17:00, Sat 10:00-14:00") in AISLE_SUPPORT_TZ; unset: always. Parsed below.
  supportHours: z.string().optional(),
  supportTz: z.string().min(1).default('UTC'),
  // Replies agents pick in the console, separated by "|"; the defaults when unset.
  cannedReplies: z.string().optional().transform((list) => Object.freeze((list ?? DEFAULT_CANNED).split('|').map((r) => r.trim()).filter(Boolean))),
  // Service topics a person always handles (intent names, comma-separated: "complaint,payment_problem"): handed over at once.
  humanOnlyTopics: z.string().default('').transform((list, ctx) => {
    const topics = list.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = topics.filter((t) => !SUPPORT_INTENTS.includes(t as Intent));
    if (unknown.length) ctx.issues.push({ code: 'custom', message: `unknown topic ${unknown.join(', ')}: use customer-service intents (${SUPPORT_INTENTS.join(', ')})`, input: list });
    return Object.freeze(topics as Intent[]);
  }),
  // The personalised reranker (issue 13): off serves every shopper the plain order. A trained model must also be
  // active (aisle train reranker); without one search is plain, no error.
  rerank: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  // Share of shoppers (a stable split by user id) served the plain order, so aisle report can compare the groups.
  rerankControlShare: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').default(0.1),
  // Candidates from the hybrid search the model reorders per search (one batched call).
  rerankCandidates: z.coerce.number().int().min(10).max(1000).default(200),
  // Redis for live delivery between replicas (an agent on one process, the shopper on another); unset: one process.
  redis: z.string().regex(/^rediss?:\/\//i, 'must be a redis:// or rediss:// address').optional(),
}).transform((c, ctx) => {
  try {
    return { ...c, supportHours: c.supportHours === undefined ? undefined : parseBusinessHours(c.supportHours, c.supportTz) };
  } catch (err) {
    ctx.issues.push({ code: 'custom', path: ['supportHours'], message: (err as Error).message, input: c.supportHours });
    return z.NEVER;
  }
});

const DEFAULT_CANNED = 'Hi, I\'m here to help. Give me a moment to read our conversation so far.|Could you tell me your order number?|' +
  'Is there anything else I can help you with?|Thanks for your patience, I\'m checking that now.';

export type Config = Readonly<z.infer<typeof schema>>;

/** Environment variable behind each setting; a CLI flag of the same name wins over it. */
const envNames: Record<keyof Config, string> = {
  home: 'AISLE_HOME', db: 'AISLE_DB', model: 'AISLE_MODEL', modelsDir: 'AISLE_MODELS_DIR',
  device: 'AISLE_DEVICE', port: 'PORT', host: 'HOST', batchSize: 'AISLE_BATCH_SIZE',
  hfEndpoint: 'AISLE_HF_ENDPOINT', hnswM: 'AISLE_HNSW_M', hnswEfConstruction: 'AISLE_HNSW_EF_CONSTRUCTION',
  hnswEfSearch: 'AISLE_HNSW_EF_SEARCH', semanticWeight: 'AISLE_SEMANTIC_WEIGHT',
  botAppId: 'AISLE_BOT_APP_ID', botAppPassword: 'AISLE_BOT_APP_PASSWORD', botTenantId: 'AISLE_BOT_TENANT_ID',
  environment: 'AISLE_ENV', intentModel: 'AISLE_INTENT_MODEL', logLevel: 'AISLE_LOG_LEVEL',
  rateLimitPerIp: 'AISLE_RATE_LIMIT_PER_IP', rateLimitPerConversation: 'AISLE_RATE_LIMIT_PER_CONVERSATION',
  trustProxy: 'AISLE_TRUST_PROXY', botServiceHosts: 'AISLE_BOT_SERVICE_HOSTS', botHandoffChannels: 'AISLE_BOT_HANDOFF_CHANNELS', lockTimeoutMs: 'AISLE_LOCK_TIMEOUT_MS',
  turnLogRetentionDays: 'AISLE_TURN_LOG_RETENTION_DAYS', eventRetentionDays: 'AISLE_EVENT_RETENTION_DAYS', storefront: 'AISLE_STOREFRONT',
  widget: 'AISLE_WIDGET', widgetOrigins: 'AISLE_WIDGET_ORIGINS', widgetSecret: 'AISLE_WIDGET_SECRET',
  widgetSocketsPerIp: 'AISLE_WIDGET_SOCKETS_PER_IP',
  publicUrl: 'AISLE_PUBLIC_URL', slackBotToken: 'AISLE_SLACK_BOT_TOKEN', slackSigningSecret: 'AISLE_SLACK_SIGNING_SECRET',
  slackAppToken: 'AISLE_SLACK_APP_TOKEN', slackApiUrl: 'AISLE_SLACK_API_URL',
  supportHours: 'AISLE_SUPPORT_HOURS', supportTz: 'AISLE_SUPPORT_TZ', cannedReplies: 'AISLE_CANNED_REPLIES', redis: 'AISLE_REDIS_URL',
  humanOnlyTopics: 'AISLE_HUMAN_ONLY_TOPICS',
  rerank: 'AISLE_RERANK', rerankControlShare: 'AISLE_RERANK_CONTROL_SHARE', rerankCandidates: 'AISLE_RERANK_CANDIDATES',
};

/** Settings that also have a command-line flag (the rest are environment-only). */
const FLAGS = new Set<keyof Config>(['home', 'db', 'model', 'modelsDir', 'device', 'port', 'host', 'batchSize', 'intentModel', 'redis']);

/** Model directories named by the configuration; each command checks the ones it opens. */
export type ConfiguredArtifact = 'model' | 'intentModel';

export interface LoadConfigOptions {
  /** Looked up now, so a missing model is reported with every other problem instead of on first use. */
  artifacts?: readonly ConfiguredArtifact[];
  /** Problems already found in the same sources (a malformed .env line), reported with the rest. */
  problems?: readonly string[];
}

/**
 * Builds the frozen configuration. `flags` come from the command line (already camelCased) and win
 * over `env`; `projectRoot` locates the shipped models/ folder. Reports every invalid field at once.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv, flags: Record<string, unknown>, projectRoot: string, cwd: string, options: LoadConfigOptions = {},
): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = flags[key] ?? env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  raw.home = path.resolve(cwd, String(raw.home ?? '.aisle'));
  raw.modelsDir = path.resolve(cwd, String(raw.modelsDir ?? path.join(projectRoot, 'models')));
  const parsed = schema.safeParse(raw);
  const problems = [
    ...(options.problems ?? []),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => describe(String(i.path[0]) as keyof Config, i.message))),
    ...checkDb(raw),
    ...checkSlack(raw),
    ...(options.artifacts ?? []).flatMap((artifact) => checkArtifact(artifact, raw)),
  ];
  if (problems.length > 0 || !parsed.success) throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`);
  return Object.freeze(parsed.data);
}

function describe(key: keyof Config, message: string): string {
  const flag = FLAGS.has(key) ? `--${kebab(key)} or ` : '';
  return `${key} (${flag}${envNames[key]}): ${message}`;
}

/** The store's address is read without opening it (and without creating the home). */
function checkDb(raw: Record<string, unknown>): string[] {
  return problemsOf('db', () => {
    const target = resolveDbTarget(String(raw.db ?? ''), String(raw.home), 'catalog.db', { createHome: false });
    if (target.kind === 'postgres') checkSchemaName(target.schema);
  });
}

/** Half a Slack configuration is a mistake, not "Slack off": say which setting completes it. */
function checkSlack(raw: Record<string, unknown>): string[] {
  const set = (key: keyof Config) => raw[key] !== undefined;
  if (set('slackBotToken')) {
    return set('slackSigningSecret') || set('slackAppToken') ? [] : [describe('slackSigningSecret',
      'the Slack app needs its Signing Secret ("Basic Information") for events over HTTP, or AISLE_SLACK_APP_TOKEN (xapp-…) for Socket Mode')];
  }
  const others = (['slackSigningSecret', 'slackAppToken'] as const).filter(set).map((k) => envNames[k]);
  return others.length ? [describe('slackBotToken', `${others.join(' and ')} ${others.length > 1 ? 'are' : 'is'} set but not the bot token: set AISLE_SLACK_BOT_TOKEN (xoxb-…, "OAuth & Permissions")`)] : [];
}

function checkArtifact(artifact: ConfiguredArtifact, raw: Record<string, unknown>): string[] {
  const modelsDir = String(raw.modelsDir);
  return artifact === 'model'
    ? problemsOf('model', () => resolveModelDir(String(raw.model ?? 'default'), modelsDir))
    : problemsOf('intentModel', () => resolveIntentModelDir(String(raw.intentModel ?? 'aisle-intents-v2'), modelsDir));
}

/** Runs a check that throws AppError, turning its message into a problem line for `key`. */
function problemsOf(key: keyof Config, check: () => unknown): string[] {
  try {
    check();
    return [];
  } catch (err) {
    if (!isAppError(err)) throw err;
    return [describe(key, err.message)];
  }
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
