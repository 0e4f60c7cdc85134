import type { FacetVocabulary } from '../search/facet-vocabulary.ts';
import { hasFilters } from '../search/filters.ts';
import { parseQuery } from '../search/query-parser.ts';
import { extractEmails, extractOrderNumbers, withoutIdentifiers } from './identifiers.ts';
import { extractOrdinals } from './ordinals.ts';
import type { ProductNameIndex } from './product-names.ts';
import type { Slots } from './slots.ts';

export interface SlotSources {
  vocabulary: FacetVocabulary;
  names: ProductNameIndex;
}

/** Reads every slot out of a message; `shown` lets "the Japandi one" name an on-screen product. */
export function extractSlots(text: string, sources: SlotSources, shown: readonly { id: string; title: string }[] = []): Slots {
  const slots: Slots = {};
  const orderNumbers = extractOrderNumbers(text);
  const emails = extractEmails(text);
  const rest = withoutIdentifiers(text, orderNumbers);
  const { filters } = parseQuery(rest, sources.vocabulary);
  if (hasFilters(filters) || filters.exclude) slots.filters = filters;
  const ordinals = extractOrdinals(rest);
  if (ordinals) slots.ordinals = ordinals;
  const productIds = sources.names.match(rest, shown);
  if (productIds.length) slots.productIds = productIds;
  if (orderNumbers.length) slots.orderNumbers = orderNumbers;
  if (emails.length) slots.emails = emails;
  return slots;
}
