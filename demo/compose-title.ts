/** Product titles from a department's templates: brand, style, material, color, noun, model, feature. */
import type { Random } from './random.ts';
import { capitalize, compileTemplates, fillTemplate, titleCaseValue, usableTemplates, type Slots, type Template } from './templates.ts';

const FALLBACK = compileTemplates(['{brand} {noun}']) as [Template];

/** A Title Cased title from one of the templates whose slots this product fills. */
export function composeTitle(rng: Random, templates: readonly Template[], slots: Slots): string {
  const usable = usableTemplates(templates, slots);
  const template = usable.length > 0 ? rng.pick(usable) : FALLBACK[0];
  return capitalize(fillTemplate(rng, template, slots, titleCaseValue));
}
