import http from 'node:http';
import { summarize, type LatencySummary } from './stats.ts';

export interface LoadOptions {
  /** http://127.0.0.1:PORT, no trailing slash. */
  baseUrl: string;
  /** Request paths, handed out in order and cycled: request i asks for paths[i % length]. */
  paths: readonly string[];
  connections: number;
  seconds: number;
  /** A request still unanswered after this long is abandoned and counted as a timeout. */
  timeoutMs: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Latency of the 2xx answers only. */
  latency: LatencySummary;
  /** Failures by kind: an HTTP status ("503"), "timeout", or a socket error code. */
  errors: Record<string, number>;
  /** CPU seconds the driver itself used: taken from the same cores as the server's. */
  driverCpuSeconds: number;
}

/**
 * A closed-loop load driver: `connections` keep-alive sockets, each sending its next request as
 * soon as the previous one is answered, for `seconds`. Small on purpose (Node's own http), so the
 * driver costs the server's CPU as little as possible.
 */
export async function driveLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const state = { next: 0, latencies: [] as number[], errors: {} as Record<string, number> };
  const start = performance.now();
  const cpu = process.cpuUsage();
  const deadline = start + o.seconds * 1000;
  try {
    await Promise.all(Array.from({ length: o.connections }, () => connectionLoop(o, agent, state, deadline)));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const failed = Object.values(state.errors).reduce((s, n) => s + n, 0);
  const requests = state.latencies.length + failed;
  return { requests, seconds, requestsPerSecond: state.latencies.length / seconds, latency: summarize(state.latencies), errors: state.errors,
    driverCpuSeconds: (used.user + used.system) / 1e6 };
}

async function connectionLoop(o: LoadOptions, agent: http.Agent, state: { next: number; latencies: number[]; errors: Record<string, number> }, deadline: number) {
  while (performance.now() < deadline) {
    const path = o.paths[state.next++ % o.paths.length]!;
    const sent = performance.now();
    const outcome = await get(`${o.baseUrl}${path}`, agent, o.timeoutMs);
    if (outcome === 'ok') state.latencies.push(performance.now() - sent);
    else state.errors[outcome] = (state.errors[outcome] ?? 0) + 1;
  }
}

/** 'ok' for a 2xx whose body arrived in full, else what went wrong. */
function get(url: string, agent: http.Agent, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode! >= 200 && res.statusCode! < 300 ? 'ok' : String(res.statusCode)));
      res.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    req.once('timeout', () => {
      req.destroy();
      resolve('timeout');
    });
    req.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}
