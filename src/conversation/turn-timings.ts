import { performance } from 'node:perf_hooks';
import type { DialogServices } from './dialog.ts';

/** Where one turn's time went, in milliseconds; `dialog` excludes the retrieval it asked for. */
export interface TurnTimings {
  understanding: number;
  retrieval: number;
  dialog: number;
  /** Waiting for the conversation, reading it and writing the turn back: everything outside the turn's own work. */
  store: number;
  total: number;
}

type Part = 'understanding' | 'retrieval' | 'dialog' | 'work';

/** Times the parts of one turn; a part timed twice (a rerun turn) adds up. */
export interface TurnClock {
  time<T>(part: Part, fn: () => Promise<T>): Promise<T>;
  report(): TurnTimings;
}

export function startTurnClock(now: () => number = () => performance.now()): TurnClock {
  const started = now();
  const spent: Record<Part, number> = { understanding: 0, retrieval: 0, dialog: 0, work: 0 };
  return {
    async time(part, fn) {
      const t = now();
      try {
        return await fn();
      } finally {
        spent[part] += now() - t;
      }
    },
    report() {
      const total = now() - started;
      return {
        understanding: ms(spent.understanding), retrieval: ms(spent.retrieval), dialog: ms(spent.dialog - spent.retrieval),
        store: ms(total - spent.work), total: ms(total),
      };
    },
  };
}

/** The dialog's services with product search and support look-ups timed as retrieval. */
export function timedServices(services: DialogServices, clock: TurnClock): DialogServices {
  return {
    ...services,
    searchProducts: (...args) => clock.time('retrieval', () => services.searchProducts(...args)),
    support: (turn) => clock.time('retrieval', () => services.support(turn)),
  };
}

function ms(value: number): number {
  return Math.max(0, Math.round(value * 10) / 10);
}
