import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../src/errors.ts';
import { isIntent, type Intent } from '../../src/understanding/intents.ts';
import type { IntentContext } from '../../src/understanding/intent-features.ts';

/** One labelled example: the training file and the held-out evaluation set share this shape. */
export interface LabelledUtterance {
  text: string;
  intent: Intent;
  context: IntentContext;
}

const LINE = z.object({
  text: z.string().min(1),
  intent: z.string().refine(isIntent, 'unknown intent'),
  context: z.object({ previous: z.string().optional(), results: z.boolean().optional() }).strict().optional(),
}).strict();

/** Reads a JSONL file of labelled utterances; every bad line is reported with its number, none skipped. */
export function readUtterances(file: string): LabelledUtterance[] {
  const errors: string[] = [];
  const out: LabelledUtterance[] = [];
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const parsed = LINE.parse(JSON.parse(line));
      out.push({ text: parsed.text, intent: parsed.intent as Intent, context: parsed.context ?? {} });
    } catch (err) {
      errors.push(`line ${i + 1}: ${err instanceof z.ZodError ? err.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ') : (err as Error).message}`);
    }
  });
  if (errors.length) throw new AppError('BAD_INPUT', `${file} has ${errors.length} bad line(s); fix them and retry:\n${errors.slice(0, 20).join('\n')}`);
  return out;
}
