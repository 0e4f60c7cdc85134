import type { Request, Response } from 'express';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { requestId, requestLog } from './request-context.ts';

/** One dependency a request needs: `check` resolves when it works, throws (ideally an AppError saying what to do) when not. */
export interface ReadinessProbe {
  name: string;
  check(): Promise<void>;
}

/** A probe that has not answered by then counts as failed, so /readyz answers while a database hangs. */
const PROBE_TIMEOUT_MS = 3000;

type CheckResult = { ok: true } | { ok: false; message: string };

/**
 * GET /readyz: every probe in parallel. 200 `{"status":"ready","checks":{name:{ok:true}}}`, or 503 with the
 * error shape naming the parts that failed, plus the same `checks`. Why a part failed (a database's address,
 * say) goes to the log only: the endpoint may be reachable from outside.
 */
export function readinessRoute(probes: readonly ReadinessProbe[], log: Logger) {
  return async (_req: Request, res: Response) => {
    const results = await Promise.all(probes.map((p) => runProbe(p)));
    const checks = Object.fromEntries(probes.map((p, i) => [p.name, { ok: results[i]!.ok }]));
    const failed = probes.filter((_, i) => !results[i]!.ok).map((p) => p.name);
    if (failed.length === 0) {
      res.json({ status: 'ready', checks });
      return;
    }
    requestLog(res, log).warn({ checks: Object.fromEntries(probes.map((p, i) => [p.name, results[i]!])) }, 'not ready');
    const id = requestId(res);
    res.status(503).json({
      error: { code: 'UNAVAILABLE', message: `Not ready: ${failed.join(', ')} failed; the server log says why.`, ...(id ? { requestId: id } : {}) },
      status: 'unavailable',
      checks,
    });
  };
}

async function runProbe(probe: ReadinessProbe): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('UNAVAILABLE', `no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe.check(), timeout]);
    return { ok: true };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
