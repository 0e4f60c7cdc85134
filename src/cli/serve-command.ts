import type { Config } from '../config.ts';
import { createApp } from '../server/app.ts';
import { listen } from '../server/listen.ts';
import { print, type Command, type CommandContext } from './command.ts';
import { openChatStack } from './chat-stack.ts';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'aisle serve [options]',
  summary: 'serve the HTTP API (health, search, /api/messages for bot channels) for the store in the home',
  options: {
    port: { type: 'string', value: 'N', description: 'port to listen on (PORT, default 3978)' },
    host: { type: 'string', value: 'ADDRESS', description: 'interface to bind (HOST, default 0.0.0.0)' },
  },
  opens: ['model', 'intentModel'],
  run: (ctx) => serve(ctx, ctx.config),
};

/** Opens everything first (fail at start-up, not on the first request), then listens until a signal. */
export async function serve(ctx: CommandContext, config: Config): Promise<number> {
  const logError = (err: unknown) => print(ctx.stderr, `aisle: ${(err as Error).stack ?? String(err)}`);
  const stack = await openChatStack(config, logError);
  try {
    const auth = { botAppId: config.botAppId, botAppPassword: config.botAppPassword, botTenantId: config.botTenantId, environment: config.environment };
    const app = createApp({ search: stack.search, manifest: stack.manifest, messages: { engine: stack.engine, auth, logError } });
    const server = await listen(app, config.port, config.host);
    print(ctx.stdout, `Aisle is serving ${stack.search.size} products (${stack.search.mode} search) on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.port}`);
    await server.closed;
    return 0;
  } finally {
    await stack.close();
  }
}
