/**
 * Sizes in the shopper's size system. Shoes and clothes number children's sizes apart from
 * adults' ("Youth 12", "Toddler 8" beside "US 12"), so "kids rain boots size 12" means Youth 12,
 * not the adult 12 that the bare number would match first.
 */
import type { Audience } from './audience.ts';
import type { FacetVocabulary } from './facet-vocabulary.ts';
import { facetKey } from './filters.ts';

/** Words that name a children's size system, in the order a bare "kids" prefers them. */
const CHILD_SYSTEMS = ['youth', 'toddler', 'kid', 'little kid', 'big kid', 'junior', 'infant'];
/** An adult shoe-size system's label ("US 12", "UK 7"): the one a bare number reaches first. */
const ADULT_NUMBERED = /^(?:us|uk|eu)\s?(\d+(?:\.\d+)?)$/i;

/**
 * The size labels as the audience wears them: for kids, an adult numbered size ("US 12") becomes the
 * children's sizes of that number the catalog has (the system the shopper named first, "toddler 8");
 * sizes of no adult system ("10", "3T") are kept.
 */
export function sizesForAudience(labels: readonly string[], audience: Audience | undefined, vocabulary: FacetVocabulary, text: string): string[] {
  if (audience !== 'kids') return [...labels];
  const said = facetKey(text);
  const named = CHILD_SYSTEMS.filter((system) => ` ${said} `.includes(` ${system} `));
  return [...new Set(labels.flatMap((label) => {
    const n = ADULT_NUMBERED.exec(label.trim())?.[1];
    if (!n) return [label];
    const inSystems = (systems: readonly string[]) => systems.flatMap((system) => {
      const value = vocabulary.get(facetKey(`${system} ${n}`));
      return value?.facet === 'size' ? [value.label] : [];
    });
    const found = named.length ? inSystems(named) : [];
    const any = found.length ? found : inSystems(CHILD_SYSTEMS);
    return any.length ? any : [label];
  }))];
}
