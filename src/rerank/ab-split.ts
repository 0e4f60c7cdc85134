import { fnv1a32 } from '../fnv1a.ts';

/** The two groups `aisle report` compares: shoppers served the personalised order, and the control group. */
export type RerankArm = 'personalised' | 'control';

/** Salted so the split is independent of the held-out evaluation users (fnv1a32(user) % 10, split.ts). */
const SALT = 'aisle-rerank-ab:';

/**
 * A user's group, stable across requests, processes and restarts: the user's hash placed in [0, 1) falls
 * below `controlShare` → control. The same user is in the same group for any share that keeps them there
 * (raising the share only moves personalised users into control).
 */
export function rerankArm(user: string, controlShare: number): RerankArm {
  return fnv1a32(SALT + user) / 2 ** 32 < controlShare ? 'control' : 'personalised';
}
