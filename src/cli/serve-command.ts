import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { listen } from '../server/listen.ts';
import { print, type Command, type CommandContext } from './command.ts';
import { openServeStack } from './serve-stack.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'aisle serve [options]',
  summary: 'serve the HTTP API (health, search, /api/messages for bot channels) for the store in the home',
  options: {
    port: { type: 'string', value: 'N', description: 'port to listen on (PORT, default 3978)' },
    host: { type: 'string', value: 'ADDRESS', description: 'interface to bind (HOST, default 0.0.0.0)' },
    redis: { type: 'string', value: 'URL', description: 'Redis for live handoff delivery between replicas, redis://… (AISLE_REDIS_URL; unset: one process)' },
  },
  opens: ['model', 'intentModel'],
  run: (ctx) => serve(ctx, ctx.config),
};

/** Opens everything first (fail at start-up, not on the first request), then listens until a signal. */
export async function serve(ctx: CommandContext, config: Config): Promise<number> {
  // JSON lines on stderr (AISLE_LOG_LEVEL, default info); stdout keeps the one line a person reads.
  const log = createLogger({ level: config.logLevel ?? 'info', destination: ctx.stderr });
  const stack = await openServeStack(config, log);
  try {
    const server = await listen(stack.app, config.port, config.host);
    log.info({ host: config.host, port: server.port, products: stack.search.size, search: stack.search.mode }, 'listening');
    print(ctx.stdout, `Aisle is serving ${stack.search.size} products (${stack.search.mode} search) on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.port}`);
    await server.closed;
    return 0;
  } finally {
    await stack.close();
  }
}
