/** Product descriptions: an opener plus 1–3 sentences from templates, attributes and care notes. */
import type { Random } from './random.ts';
import type { PreparedDepartment } from './departments.ts';
import { capitalize, compileTemplates, fillTemplate, fixArticles, usableTemplates, type Slots, type Template } from './templates.ts';

const FALLBACK_OPENER = compileTemplates(['The {item} from {brand}.']) as [Template];

/**
 * 2–4 sentences: an opener, then a sample of department sentences, generic sentences and the
 * ready-made `extras` (attribute sentences, a care note), in random order.
 */
export function composeDescription(rng: Random, department: PreparedDepartment, slots: Slots, extras: readonly string[]): string {
  const openers = usableTemplates(department.openers, slots);
  const opener = openers.length > 0 ? rng.pick(openers) : FALLBACK_OPENER[0];
  const pool: (Template | string)[] = [...usableTemplates(department.sentences, slots), ...extras];
  const body = rng.sample(pool, rng.int(1, 3));
  const sentences = [opener, ...body].map((part) => capitalize(typeof part === 'string' ? fixArticles(part) : fillTemplate(rng, part, slots)));
  // A brand like "Saltmarsh Co." at the end of a sentence would otherwise leave "Co..".
  return sentences.join(' ').replace(/\.\.(?= |$)/g, '.');
}
