/** Product descriptions: an opener, what the product is for, then 1–3 sentences from templates, attributes and care notes. */
import type { Random } from './random.ts';
import type { PreparedDepartment } from './departments.ts';
import { capitalize, compileTemplates, fillTemplate, fixArticles, usableTemplates, type Slots, type Template } from './templates.ts';

const FALLBACK_OPENER = compileTemplates(['The {item} from {brand}.']) as [Template];

/** A product's purpose templates, most telling first. */
export interface PurposeTemplates {
  /** For its noun, e.g. "blackout curtain panel". */
  noun: readonly Template[];
  /** For its other traits: style, feature, size, a material, an attribute value. */
  traits: readonly Template[];
  /** True of every product in its leaf. */
  general: readonly Template[];
}

/**
 * 3–6 sentences: an opener, 1–2 purpose sentences, then a sample of department sentences, generic
 * sentences and the ready-made `extras` (attribute sentences, a care note), in random order.
 */
export function composeDescription(
  rng: Random, department: PreparedDepartment, slots: Slots, purposes: PurposeTemplates, extras: readonly string[],
): string {
  const openers = usableTemplates(department.openers, slots);
  const opener = openers.length > 0 ? rng.pick(openers) : FALLBACK_OPENER[0];
  const uses = pickPurposes(rng, purposes, slots);
  const pool: (Template | string)[] = [...usableTemplates(department.sentences, slots), ...extras];
  const body = rng.sample(pool, rng.int(1, 3));
  const sentences = [opener, ...uses, ...body]
    .map((part) => capitalize(typeof part === 'string' ? fixArticles(part) : fillTemplate(rng, part, slots)));
  // A brand like "Saltmarsh Co." at the end of a sentence would otherwise leave "Co..".
  return sentences.join(' ').replace(/\.\.(?= |$)/g, '.');
}

/** 1–2 purpose templates: the first from the most telling group that has any, the second from all the rest. */
function pickPurposes(rng: Random, purposes: PurposeTemplates, slots: Slots): Template[] {
  const groups = [purposes.noun, purposes.traits, purposes.general].map((group) => usableTemplates(group, slots));
  const count = rng.int(1, 2);
  const first = rng.pick(groups.find((group) => group.length > 0) ?? []);
  if (count === 1) return [first];
  return [first, ...rng.sample(groups.flat().filter((template) => template !== first), 1)];
}
