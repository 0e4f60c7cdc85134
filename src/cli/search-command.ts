import { formatPrice } from '../conversation/format-price.ts';
import { z } from 'zod';
import { AppError, isAppError } from '../errors.ts';
import { SEARCH_MODES, type ProductSearch, type SearchMode, type SearchResult } from '../search/search.ts';
import { resultJson } from '../search/result-json.ts';
import { flagString, print, type Command, type CommandContext } from './command.ts';
import { readLines } from './read-lines.ts';
import { openEventLog } from '../storage/open-event-log.ts';
import { openRerankStack } from './rerank-stack.ts';
import { openSearchStack } from './services.ts';

const modeSchema = z.enum(SEARCH_MODES).optional();
const jsonlRequest = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  query: z.string().min(1).max(1000),
  k: z.number().int().min(1).max(1000).default(10),
  mode: modeSchema,
});

export const searchCommand: Command = {
  name: 'search',
  usage: 'aisle search "QUERY" [options]\n       aisle search --jsonl [options] < queries.jsonl',
  summary: 'search the catalog (one query, or one JSON request per stdin line)',
  options: {
    k: { type: 'string', value: 'N', description: 'number of results (default 10)' },
    json: { type: 'boolean', description: 'print one JSON object' },
    jsonl: { type: 'boolean', description: 'read {"id","query","k"} lines on stdin, write one result line each' },
    mode: { type: 'string', value: SEARCH_MODES.join('|'), description: 'retrievers to use (default hybrid when a model is configured)' },
    user: { type: 'string', value: 'ID', description: 'rank for this shopper: their history reorders the results when a reranker is active (aisle train reranker)' },
  },
  opens: ['model'],
  async run(ctx) {
    const mode = parseFlag(modeSchema, flagString(ctx, 'mode'), '--mode must be hybrid, lexical or vector');
    const k = parseFlag(z.coerce.number().int().min(1).max(1000).default(10), flagString(ctx, 'k'), '--k must be a whole number from 1 to 1000');
    const query = ctx.args.join(' ').trim();
    if (!ctx.flags.jsonl && !query) throw new AppError('BAD_INPUT', 'Give a query: aisle search "blue linen sofa under $900" (or --jsonl).');
    const user = flagString(ctx, 'user');
    const stack = await openSearchStack(ctx.config);
    // Only with --user: the event log and the reranker are opened for the shopper's history.
    const personal = user ? await openShopperSearch(ctx, stack) : undefined;
    const search = personal?.search ?? stack.search;
    try {
      if (ctx.flags.jsonl) return await runJsonl(ctx, search, mode, user);
      const result = await search.search(query, { k, mode, ...(user ? { user } : {}) });
      if (ctx.flags.json) print(ctx.stdout, JSON.stringify(resultJson(result)));
      else printHuman(ctx, result);
      return 0;
    } finally {
      await personal?.close();
      await stack.close();
    }
  },
};

async function openShopperSearch(ctx: CommandContext, stack: Awaited<ReturnType<typeof openSearchStack>>): Promise<{ search: ProductSearch; close(): Promise<void> }> {
  const events = await openEventLog(ctx.config.db, ctx.config.home);
  try {
    const rerank = await openRerankStack(ctx.config, { search: stack.search, products: stack.products, vectors: stack.vectors, ...(stack.embedder ? { vectorModel: stack.embedder.id } : {}), events });
    return { search: rerank.search, close: async () => { await rerank.close(); await events.close(); } };
  } catch (err) {
    await events.close();
    throw err;
  }
}

function parseFlag<T>(schema: z.ZodType<T>, value: string | undefined, message: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('BAD_INPUT', message);
  return parsed.data;
}

/** One output line per input line, in order; a bad line gets an error object, not a crash. */
async function runJsonl(ctx: CommandContext, search: ProductSearch, defaultMode?: SearchMode, user?: string): Promise<number> {
  let failures = 0;
  for await (const line of readLines(ctx.stdin)) {
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      const raw: unknown = JSON.parse(line);
      if (typeof raw === 'object' && raw !== null) id = (raw as { id?: unknown }).id ?? null;
      const request = jsonlRequest.parse(raw);
      const result = await search.search(request.query, { k: request.k, mode: request.mode ?? defaultMode, ...(user ? { user } : {}) });
      print(ctx.stdout, JSON.stringify({ id, ...resultJson(result) }));
    } catch (err) {
      failures++;
      print(ctx.stdout, JSON.stringify({ id, error: lineError(err) }));
    }
  }
  return failures > 0 ? 1 : 0;
}

/** Bad lines say what is wrong with them; anything else stays opaque, as at the HTTP boundary. */
function lineError(err: unknown): { code: string; message: string } {
  if (err instanceof z.ZodError) return { code: 'BAD_INPUT', message: err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') };
  if (err instanceof SyntaxError) return { code: 'BAD_INPUT', message: `not JSON: ${err.message}` };
  if (isAppError(err)) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: 'search failed on this line; run it alone to see why' };
}

function printHuman(ctx: CommandContext, result: SearchResult): void {
  const f = result.filters;
  if (Object.keys(f).length > 0) print(ctx.stdout, `filters: ${JSON.stringify(f)}${result.relaxed.length ? ` (relaxed: ${result.relaxed.join(', ')})` : ''}`);
  if (result.results.length === 0) print(ctx.stdout, 'No products match. Try fewer words or a wider price range.');
  result.results.forEach((hit, i) => {
    const p = hit.product;
    const price = formatPrice(p.price, p.currency);
    const c = hit.components;
    const why = [c.lexical !== undefined && `lexical #${c.lexicalRank}`, c.semantic !== undefined && `semantic #${c.semanticRank}`].filter(Boolean).join(', ');
    print(ctx.stdout, `${String(i + 1).padStart(2)}. ${p.title} — ${price}${p.rating ? ` ★${p.rating.toFixed(1)}` : ''}  [${p.id}] ${p.category.at(-1) ?? ''}${why ? `  (${why})` : ''}`);
  });
  return;
}
