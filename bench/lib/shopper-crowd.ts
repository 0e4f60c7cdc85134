import type { ShopperScripts, ShopperStep, StepPurpose } from './shopper-script.ts';
import { openWidgetShopper, type TurnBody, type TurnOutcome } from './widget-shopper.ts';

/** One measured turn: what it was for, when it started (performance.now()) and how it ended. */
export interface RecordedTurn {
  purpose: StepPurpose;
  start: number;
  outcome: TurnOutcome;
}

export interface CrowdOptions {
  wsUrl: string;
  origin: string;
  shoppers: number;
  /** Loopback addresses to spread the shoppers over (127.0.0.2 …), one per shopper at most. */
  addresses: number;
  timeoutMs: number;
  /** Mean pause between a reply and the next message (uniform in [0.5, 1.5] × this); 0: none, a closed loop. */
  thinkMs: number;
  scripts: ShopperScripts;
  /** performance.now() times: turns starting before `measureFrom` are warm-up, none start after `end`. */
  measureFrom: number;
  end: number;
}

export interface CrowdResult {
  turns: RecordedTurn[];
  /** Sessions (one socket, one conversation each) opened in the measured window. */
  sessions: number;
  /** Sockets that could not open or were not welcomed in the measured window, by reason. */
  connectErrors: Record<string, number>;
}

/**
 * `shoppers` concurrent shoppers, each running one scripted session after another until `end`: open a socket
 * from its own address, say hello as a new shopper, send each step as soon as the last was answered
 * (plus any think time), close. A failed turn ends its session, as a shopper would give up.
 */
export async function runShopperCrowd(o: CrowdOptions): Promise<CrowdResult> {
  const result: CrowdResult = { turns: [], sessions: 0, connectErrors: {} };
  await Promise.all(Array.from({ length: o.shoppers }, (_, i) => shopperLoop(o, `127.0.0.${2 + (i % o.addresses)}`, result)));
  return result;
}

async function shopperLoop(o: CrowdOptions, localAddress: string, result: CrowdResult): Promise<void> {
  while (performance.now() < o.end) {
    const measured = performance.now() >= o.measureFrom;
    const steps = o.scripts.next();
    let shopper;
    try {
      shopper = await openWidgetShopper({ url: o.wsUrl, origin: o.origin, localAddress, timeoutMs: o.timeoutMs });
    } catch (err) {
      if (measured) result.connectErrors[(err as Error).message] = (result.connectErrors[(err as Error).message] ?? 0) + 1;
      await pause(250);
      continue;
    }
    if (measured) result.sessions++;
    try {
      await runSession(o, steps, shopper.turn, result);
    } finally {
      shopper.close();
    }
  }
}

async function runSession(o: CrowdOptions, steps: readonly ShopperStep[], turn: (b: TurnBody) => Promise<TurnOutcome>, result: CrowdResult) {
  let shown: string[] = [];
  for (const step of steps) {
    if (performance.now() >= o.end) return;
    const start = performance.now();
    const outcome = await turn(bodyOf(step, shown));
    if (start >= o.measureFrom) result.turns.push({ purpose: step.purpose, start, outcome });
    if (!outcome.ok) return;
    if (outcome.productIds.length > 0) shown = outcome.productIds;
    if (o.thinkMs > 0) await pause(o.thinkMs * (0.5 + Math.random()));
  }
}

/** A card button press when the last reply with products showed that card, else the words for it. */
export function bodyOf(step: ShopperStep, shown: readonly string[]): TurnBody {
  if (step.kind === 'action' && shown[step.position] !== undefined) {
    return { action: { type: step.action, productId: shown[step.position]! } };
  }
  return { text: step.text };
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
