import { print, type Command } from './command.ts';
import { buildDemoStore, DEMO_DEFAULTS, demoShoppers } from './demo-command.ts';
import { runIndex } from './index-command.ts';
import { serve, serveCommand } from './serve-command.ts';
import { openStore } from './services.ts';

export const startCommand: Command = {
  name: 'start',
  usage: 'aisle start [options]',
  summary: 'what `npm start` runs: build the demo store if the home is empty, bring the index up to date, serve',
  options: serveCommand.options,
  opens: serveCommand.opens,
  async run(ctx) {
    const log = (line: string) => print(ctx.stderr, line);
    const store = await openStore(ctx.config, { create: true });
    const empty = (await store.count()) === 0;
    try {
      // Cheap when nothing changed; re-embeds what did, or everything after a model switch.
      if (!empty) await runIndex(ctx.config, store, false, ctx.stderr);
    } finally {
      await store.close();
    }
    if (empty) {
      log('The store is empty: building the demo store first (once).');
      const history = { shoppers: demoShoppers(DEMO_DEFAULTS.products), days: DEMO_DEFAULTS.historyDays };
      await buildDemoStore(ctx.config, { ...DEMO_DEFAULTS, index: true, force: false, history }, log, ctx.stderr);
    }
    return serve(ctx, ctx.config);
  },
};
