import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import type { ConsoleAdminDeps } from '../../../src/agent-console/console-admin.ts';
import type { LoginThrottle } from '../../../src/agent-console/login-throttle.ts';
import { mountAgentConsole } from '../../../src/agent-console/console-routes.ts';
import { createAgentDesk } from '../../../src/handoff/agent-desk.ts';
import { openHandoffStore, type HandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import { hashPassword } from '../../../src/handoff/passwords.ts';
import { createMemoryBus } from '../../../src/handoff/relay-bus.ts';
import { createShopperDelivery } from '../../../src/handoff/shopper-delivery.ts';
import { errorHandler } from '../../../src/server/error-handler.ts';
import { listen } from '../../../src/server/listen.ts';

export const PASSWORD = 'correct horse battery';

/** The console over a store (SQLite in a temp dir unless `db` names one) with agents sam (agent), kim (agent), ada (admin). */
export async function openConsole(options: { db?: string; publicUrl?: string; socketPingMs?: number; admin?: Omit<ConsoleAdminDeps, 'handoffs'>; throttle?: LoginThrottle } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-console-'));
  const store: HandoffStore = await openHandoffStore(options.db ?? `sqlite:${join(dir, 'conversations.db')}`, dir);
  const hash = await hashPassword(PASSWORD);
  for (const [email, name, role] of [['sam@shop.test', 'Sam', 'agent'], ['kim@shop.test', 'Kim', 'agent'], ['ada@shop.test', 'Ada', 'admin']] as const) {
    await store.agents.add({ email, name, role, passwordHash: hash }, { replace: true });
  }
  const bus = createMemoryBus();
  const delivery = createShopperDelivery(store.queue, bus);
  const desk = createAgentDesk({ queue: store.queue, agents: store.agents, delivery, conversations: { turns: async () => [] }, title: () => undefined });
  const app = express();
  mountAgentConsole(app, { desk, agents: store.agents, tickets: store.queue, canned: ['Hello!'], publicUrl: options.publicUrl, bus, socketPingMs: options.socketPingMs, throttle: options.throttle,
    ...(options.admin ? { admin: { ...options.admin, handoffs: store.queue } } : {}) });
  app.use(errorHandler((await import('../../../src/logger.ts')).silentLogger));
  const server = await listen(app, 0, '127.0.0.1');
  const base = `http://127.0.0.1:${server.port}`;
  return {
    base, store,
    /** A waiting handoff of a fresh conversation. */
    queued: async (conversation: string) => (await store.queue.open({ conversation, user: 'anon:s', channel: 'cli', reason: 'requested', summary: 's', headline: 'h', context: { shown: [], cart: [] } })).handoff,
    close: async () => {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An agent's browser: the login dance (form token + cookie), then the session cookie and CSRF token. */
export async function signIn(base: string, email: string, password = PASSWORD) {
  const form = await fetch(`${base}/agent/login`);
  const loginCookie = form.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const res = await fetch(`${base}/agent/login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: loginCookie },
    body: new URLSearchParams({ email, password, csrf }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  const session = /aisle_agent=[^;]+/.exec(setCookie)?.[0];
  let pageCsrf: string | undefined;
  if (session) pageCsrf = /name="csrf-token" content="([^"]+)"/.exec(await (await fetch(`${base}/agent`, { headers: { Cookie: session } })).text())?.[1];
  const call = (path: string, init: { method?: string; body?: unknown; csrf?: string | null; origin?: string } = {}) => fetch(`${base}/agent${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(session ? { Cookie: session } : {}), 'Content-Type': 'application/json',
      ...(init.csrf === null ? {} : { 'X-CSRF-Token': init.csrf ?? pageCsrf ?? '' }), ...(init.origin ? { Origin: init.origin } : {}),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { res, setCookie, session, csrf: pageCsrf, call };
}
