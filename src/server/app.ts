import express from 'express';
import { z } from 'zod';
import { mountAgentsEndpoint, type AgentsEndpointDeps } from '../channels/agents-endpoint.ts';
import { mountWidgetEndpoint, type WidgetEndpointDeps } from '../channels/widget-endpoint.ts';
import { mountAgentConsole, type AgentConsoleDeps } from '../agent-console/console-routes.ts';
import { AppError } from '../errors.ts';
import type { IndexManifest } from '../index/index-manifest.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { SEARCH_MODES, type ProductSearch } from '../search/search.ts';
import { resultJson } from '../search/result-json.ts';
import { createStorefront, type StorefrontDeps } from '../storefront/storefront.ts';
import { errorHandler } from './error-handler.ts';
import { addressKey, createRateLimiter, rateLimit, refusalLimit } from './rate-limit.ts';
import { readinessRoute, type ReadinessProbe } from './readiness.ts';
import { requestContext } from './request-context.ts';
import { searchShopper } from './search-shopper.ts';

export interface AppDeps {
  search: ProductSearch;
  manifest: IndexManifest;
  /** When given, POST /api/messages serves Bot Framework channels (Teams, Web Chat) from this engine. */
  messages?: Omit<AgentsEndpointDeps, 'log' | 'limits'>;
  /** Request lines, refusals and failures; silent when absent. */
  log?: Logger;
  /** What GET /readyz checks (the database, the index); none: always ready. */
  readiness?: readonly ReadinessProbe[];
  /** Requests per minute; 0 or absent: unlimited. */
  rateLimits?: { perIp?: number; perConversation?: number };
  /** When given, the demo shop: GET / (products, categories, search), /products/:id, /cart, /images/:id.svg. */
  storefront?: Omit<StorefrontDeps, 'searchLimits'>;
  /**
   * When given, the chat widget: /aisle/widget.js, /aisle/widget-panel.js, the WebSocket /aisle/ws (served once
   * listen() runs) and its HTTP fallback /aisle/messages; messages are limited by `rateLimits` (per conversation: per connection).
   */
  widget?: Omit<WidgetEndpointDeps, 'log' | 'limits'>;
  /** When given, the Slack app's events and button presses: POST /slack/events (`SlackDoor.router`, src/channels/slack-door.ts). */
  slack?: express.RequestHandler;
  /** When given, the agent console at /agent (sign-in, queue, conversations; live socket /agent/ws) over the handoff queue. */
  agentConsole?: AgentConsoleDeps;
  /**
   * AISLE_WIDGET_SECRET: /api/search personalises only for the shopper a token signed with it names
   * (Authorization: Bearer); absent, it personalises for no one.
   */
  shopperSecret?: string;
  /** Express's "trust proxy" setting (AISLE_TRUST_PROXY), so `req.ip` is the shopper's behind a load balancer. */
  trustProxy?: string;
}

const searchQuery = z.object({
  q: z.string({ error: 'q is required: /api/search?q=blue+sofa' }).trim().min(1, 'q is required: /api/search?q=blue+sofa')
    .max(500, 'q is longer than 500 characters; shorten the query'),
  k: z.coerce.number({ error: 'k must be a number' }).int().min(1, 'k must be at least 1').max(100, 'k must be at most 100').default(10),
  mode: z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).optional(),
  // The shopper searching, checked against the signed token (search-shopper.ts): their history may reorder the results; personalise=false turns it off.
  user: z.string().trim().min(1, 'user must not be empty').max(256, 'user is longer than 256 characters').optional(),
  personalise: z.enum(['true', 'false'], { error: 'personalise must be true or false' }).optional(),
});

/** The HTTP application without a listening socket, so tests drive it directly. */
export function createApp(deps: AppDeps): express.Express {
  const log = deps.log ?? silentLogger;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxyValue(deps.trustProxy ?? ''));
  app.use(requestContext(log));
  // Liveness only: the process answers. Whether it can serve is /readyz.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', products: deps.search.size, search: deps.search.mode, index: deps.manifest.buildId, catalogVersion: deps.manifest.catalogVersion });
  });
  app.get('/readyz', readinessRoute(deps.readiness ?? [], log));
  const perIp = limiter(deps.rateLimits?.perIp, 'address', (req) => addressKey(req.ip ?? req.socket.remoteAddress));
  app.get('/api/search', ...perIp, async (req, res) => {
    const parsed = searchQuery.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    const { q, k, mode, personalise } = parsed.data;
    const user = searchShopper(req, parsed.data, deps.shopperSecret);
    res.json(resultJson(await deps.search.search(q, { k, mode, ...(user ? { user } : {}), ...(personalise ? { personalise: personalise === 'true' } : {}) })));
  });
  if (deps.messages) {
    const perConversation = limiter(deps.rateLimits?.perConversation, 'conversation', (req) => (req.body as { conversation?: { id?: string } }).conversation?.id);
    // With an app id, a caller's address counts only its refused requests (signed traffic shares the Bot Service's addresses).
    const keyOfCaller = (req: express.Request) => addressKey(req.ip ?? req.socket.remoteAddress);
    const refusals = deps.rateLimits?.perIp ? refusalLimit(createRateLimiter({ perMinute: deps.rateLimits.perIp }), keyOfCaller) : undefined;
    mountAgentsEndpoint(app, { ...deps.messages, log, limits: { perAddress: perIp[0], perConversation: perConversation[0], refusals } });
  }
  if (deps.widget) {
    mountWidgetEndpoint(app, { ...deps.widget, log, limits: { perConnection: deps.rateLimits?.perConversation ?? 0, perIp: deps.rateLimits?.perIp ?? 0 } });
  }
  if (deps.slack) app.use(deps.slack);
  if (deps.agentConsole) mountAgentConsole(app, deps.agentConsole);
  if (deps.storefront) app.use(createStorefront({ ...deps.storefront, searchLimits: perIp }));
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `No route ${req.method} ${req.path}. See the README for the API.`)));
  app.use(errorHandler(log));
  return app;
}

function limiter(perMinute: number | undefined, what: string, keyOf: Parameters<typeof rateLimit>[2]): express.RequestHandler[] {
  return perMinute ? [rateLimit(createRateLimiter({ perMinute }), what, keyOf)] : [];
}

/** AISLE_TRUST_PROXY as Express reads it: empty → trust none, "true", a hop count, or addresses/subnets. */
function trustProxyValue(setting: string): boolean | number | string {
  const value = setting.trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
