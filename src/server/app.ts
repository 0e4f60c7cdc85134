import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { mountAgentsEndpoint, type AgentsEndpointDeps } from '../channels/agents-endpoint.ts';
import { AppError, httpStatus, isAppError } from '../errors.ts';
import type { IndexManifest } from '../indexing/index-manifest.ts';
import { SEARCH_MODES, type ProductSearch } from '../search/product-search.ts';
import { resultJson } from '../search/result-json.ts';

export interface AppDeps {
  search: ProductSearch;
  manifest: IndexManifest;
  /** When given, POST /api/messages serves Bot Framework channels (Teams, Web Chat) from this engine. */
  messages?: AgentsEndpointDeps;
}

const searchQuery = z.object({
  q: z.string({ error: 'q is required: /api/search?q=blue+sofa' }).trim().min(1, 'q is required: /api/search?q=blue+sofa')
    .max(500, 'q is longer than 500 characters; shorten the query'),
  k: z.coerce.number({ error: 'k must be a number' }).int().min(1, 'k must be at least 1').max(100, 'k must be at most 100').default(10),
  mode: z.enum(SEARCH_MODES, { error: `mode must be one of ${SEARCH_MODES.join(', ')}` }).optional(),
});

/** The HTTP application without a listening socket, so tests drive it directly. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', products: deps.search.size, search: deps.search.mode, index: deps.manifest.buildId, catalogVersion: deps.manifest.catalogVersion });
  });
  app.get('/api/search', async (req, res) => {
    const parsed = searchQuery.safeParse(req.query);
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues.map((i) => i.message).join('; '));
    const { q, k, mode } = parsed.data;
    res.json(resultJson(await deps.search.search(q, { k, mode })));
  });
  if (deps.messages) mountAgentsEndpoint(app, deps.messages);
  app.use((req, _res, next) => next(new AppError('NOT_FOUND', `No route ${req.method} ${req.path}. See the README for the API.`)));
  app.use(errorHandler);
  return app;
}

/** The one place errors become HTTP: codes map to statuses, unexpected errors stay opaque. */
function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (isAppError(err)) {
    res.status(httpStatus[err.code]).json({ error: { code: err.code, message: err.message } });
    return;
  }
  console.error(err);
  res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side; please try again.' } });
}
