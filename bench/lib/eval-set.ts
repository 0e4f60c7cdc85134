import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Relevance } from './metrics.ts';

/** Kinds of evaluation query: how the shopper phrased what they want. */
export const QUERY_KINDS = ['keyword', 'paraphrase', 'synonym', 'typo', 'attribute', 'long', 'price'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

const words = z.array(z.string().min(1)).min(1);
const relevanceSchema = z.strictObject({
  category: z.union([z.string().min(1), words]).optional(),
  colors: words.optional(),
  materials: words.optional(),
  brand: z.string().min(1).optional(),
  priceMax: z.number().positive().optional(),
  priceMin: z.number().nonnegative().optional(),
  attributes: z.record(z.string(), z.string().min(1)).optional(),
  titleAny: words.optional(),
}).refine((r) => Object.keys(r).length > 0, 'relevant needs at least one predicate');

const querySchema = z.strictObject({
  id: z.string().min(1),
  query: z.string().min(1),
  kind: z.enum(QUERY_KINDS),
  relevant: relevanceSchema,
});

/** One labelled shopper query. */
export interface EvalQuery {
  id: string;
  query: string;
  kind: QueryKind;
  relevant: Relevance;
}

export type Split = 'dev' | 'test' | 'all';

/** Share of queries in the dev split (for tuning); the rest are held out for reporting. */
export const DEV_SHARE = 0.3;

/** Deterministic split by id hash, so a query stays in its split when others are added. */
export function splitOf(id: string): 'dev' | 'test' {
  const bucket = createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32;
  return bucket < DEV_SHARE ? 'dev' : 'test';
}

/** Parses queries JSONL; throws naming the line of the first invalid or duplicate entry. */
export function parseEvalSet(text: string): EvalQuery[] {
  const queries: EvalQuery[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let parsed: ReturnType<typeof querySchema.safeParse>;
    try {
      parsed = querySchema.safeParse(JSON.parse(line));
    } catch (cause) {
      throw new Error(`queries line ${i + 1}: not JSON`, { cause });
    }
    if (!parsed.success) throw new Error(`queries line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    if (seen.has(parsed.data.id)) throw new Error(`queries line ${i + 1}: duplicate id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    queries.push(parsed.data);
  });
  return queries;
}

/** Reads an evaluation set and keeps the queries of one split. */
export function loadEvalSet(file: string, split: Split = 'all'): EvalQuery[] {
  const all = parseEvalSet(readFileSync(file, 'utf8'));
  return split === 'all' ? all : all.filter((q) => splitOf(q.id) === split);
}
