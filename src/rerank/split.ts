// The held-out shoppers of the reranker: the simulator, the training-example exporter and the offline
// evaluation all use this one rule, so no evaluated shopper's behaviour is ever trained on.
import { fnv1a32 } from '../fnv1a.ts';

/** Share of shoppers held out, as 1 in HELD_OUT_MODULUS. */
export const HELD_OUT_MODULUS = 10;

/** True for the about 10% of user ids kept out of training for evaluation: fnv1a32(user) % 10 == 0. */
export function isHeldOutUser(user: string): boolean {
  return fnv1a32(user) % HELD_OUT_MODULUS === 0;
}
