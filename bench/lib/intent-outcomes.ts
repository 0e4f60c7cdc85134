import { SHOPPING_INTENTS, SUPPORT_INTENTS, type Intent } from '../../src/understanding/intents.ts';
import type { Understanding } from '../../src/understanding/understand.ts';

/** What the dialog does with an understanding: the outcome a shopper notices. */
export type Outcome = 'handoff' | 'store-action' | 'declined' | 'conversation' | 'asks';

/** How the main dialog routes a reading (dialogs/main-dialog.ts): "not sure" with the store's words searches. */
export function outcomeOf(u: Understanding): Outcome {
  if (u.intent === 'human_agent') return 'handoff';
  if (u.intent === 'out_of_scope') return 'declined';
  if (u.intent === 'not_sure') return u.catalogWords ? 'store-action' : 'asks';
  if (SHOPPING_INTENTS.includes(u.intent) || SUPPORT_INTENTS.includes(u.intent)) return 'store-action';
  return 'conversation';
}

export interface SetScore {
  n: number;
  accuracy: number;
  /** Requests for a person that were handed over. */
  handoffRecall?: number;
  /** Messages that were not requests for a person but were handed over. */
  falseHandoffs: number;
  /** Off-topic messages declined (out of scope, or a "not sure" question without store words). */
  offTopicDeclined?: number;
  /** Off-topic messages routed to a search or a customer-service flow. */
  offTopicStoreAction?: number;
  recall: Record<string, { n: number; recall: number }>;
  confusions: { pair: string; count: number }[];
}

/** Scores readings against labels. */
export function scoreSet(pairs: readonly { label: Intent; u: Understanding }[]): SetScore {
  const recall: Record<string, { n: number; hit: number }> = {};
  const confusions = new Map<string, number>();
  let correct = 0, handoffs = 0, handed = 0, others = 0, falseHandoffs = 0, offTopic = 0, declined = 0, acted = 0;
  for (const { label, u } of pairs) {
    const r = (recall[label] ??= { n: 0, hit: 0 });
    r.n++;
    if (u.intent === label) correct++, r.hit++;
    else confusions.set(`${label} → ${u.intent}`, (confusions.get(`${label} → ${u.intent}`) ?? 0) + 1);
    const outcome = outcomeOf(u);
    if (label === 'human_agent') handoffs++, handed += outcome === 'handoff' ? 1 : 0;
    else others++, falseHandoffs += outcome === 'handoff' ? 1 : 0;
    if (label === 'out_of_scope') {
      offTopic++;
      if (outcome === 'declined' || outcome === 'asks') declined++;
      if (outcome === 'store-action') acted++;
    }
  }
  return {
    n: pairs.length,
    accuracy: correct / pairs.length,
    handoffRecall: handoffs ? handed / handoffs : undefined,
    falseHandoffs: others ? falseHandoffs / others : 0,
    offTopicDeclined: offTopic ? declined / offTopic : undefined,
    offTopicStoreAction: offTopic ? acted / offTopic : undefined,
    recall: Object.fromEntries(Object.entries(recall).map(([k, v]) => [k, { n: v.n, recall: v.hit / v.n }])),
    confusions: [...confusions].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([pair, count]) => ({ pair, count })),
  };
}
