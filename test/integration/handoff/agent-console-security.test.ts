import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../../src/agent-console/login-throttle.ts';
import { TEST_PG_URL, testSchemas } from '../../support/test-postgres.ts';
import { openConsole, PASSWORD, signIn } from './console-fixture.ts';

/** A signed-in agent's page on the live socket. */
function openSocket(base: string, cookie: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/agent/ws`, { headers: { Origin: base, Cookie: cookie } });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`socket refused: ${res.statusCode}`)));
  });
}

describe('agent console security', () => {
  let console_: Awaited<ReturnType<typeof openConsole>>;
  beforeAll(async () => { console_ = await openConsole(); });
  afterAll(() => console_.close());

  it('gives nothing without a session: the page sends to sign-in, the API answers 401', async () => {
    const page = await fetch(`${console_.base}/agent`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/agent/login');
    for (const path of ['/agent/api/queue', '/agent/api/tickets', '/agent/api/handoffs/x']) {
      expect((await fetch(console_.base + path)).status, path).toBe(401);
    }
    const forged = await fetch(`${console_.base}/agent/api/queue`, { headers: { Cookie: 'aisle_agent=made-up' } });
    expect(forged.status).toBe(401);
    // A malformed %-escape is no cookie at all, not a server error.
    const malformed = await fetch(`${console_.base}/agent/api/queue`, { headers: { Cookie: 'other=%E0%A4%A; aisle_agent=%' } });
    expect(malformed.status).toBe(401);
    const page2 = await fetch(`${console_.base}/agent`, { redirect: 'manual', headers: { Cookie: 'aisle_agent=%zz' } });
    expect(page2.status).toBe(303);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie on /agent, not Secure over plain http', async () => {
    const sam = await signIn(console_.base, 'sam@shop.test');
    expect(sam.res.status).toBe(303);
    expect(sam.setCookie).toMatch(/aisle_agent=[^;]+; Max-Age=\d+; Path=\/agent; Expires=[^;]+; HttpOnly; SameSite=Strict/);
    expect(sam.setCookie).not.toMatch(/Secure/);
    expect((await sam.call('/api/queue')).status).toBe(200);
  });

  it('refuses a sign-in form without its token (login CSRF), and a wrong password', async () => {
    const res = await fetch(`${console_.base}/agent/login`, {
      method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'sam@shop.test', password: PASSWORD, csrf: 'guess' }),
    });
    expect(res.headers.get('location')).toBe('/agent/login?error=form');
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/aisle_agent=/);
    const wrong = await signIn(console_.base, 'kim@shop.test', 'not the password');
    expect(wrong.session).toBeUndefined();
    expect(wrong.res.headers.get('location')).toBe('/agent/login?error=wrong');
  });

  it('refuses state changes without the CSRF token, with a wrong one, or from another origin', async () => {
    const sam = await signIn(console_.base, 'sam@shop.test');
    const handoff = await console_.queued('csrf-1');
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {}, csrf: null })).status).toBe(403);
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {}, csrf: 'wrong' })).status).toBe(403);
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {}, origin: 'https://evil.example' })).status).toBe(403);
    expect((await console_.store.queue.get(handoff.id))!.status).toBe('waiting');
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(200);
  });

  it('lets no agent take over another\'s conversation; only an admin may transfer it', async () => {
    const [sam, kim, ada] = await Promise.all(['sam@shop.test', 'kim@shop.test', 'ada@shop.test'].map((e) => signIn(console_.base, e)));
    const handoff = await console_.queued('takeover-1');
    expect((await sam!.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(200);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(409);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/reply`, { body: { text: 'hi, Kim here' } })).status).toBe(403);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/resolve`, { body: {} })).status).toBe(403);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/transfer`, { body: { to: 'kim@shop.test' } })).status).toBe(403);
    expect((await console_.store.queue.messages(handoff.id)).filter((m) => m.role === 'agent')).toEqual([]);
    expect((await ada!.call(`/api/handoffs/${handoff.id}/transfer`, { body: { to: 'kim@shop.test' } })).status).toBe(200);
    expect((await sam!.call(`/api/handoffs/${handoff.id}/reply`, { body: { text: 'still me?' } })).status).toBe(403);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/reply`, { body: { text: 'Kim here now' } })).status).toBe(200);
    expect((await kim!.call(`/api/handoffs/${handoff.id}/resolve`, { body: {} })).status).toBe(200);
  });

  it('lists messages left out of hours and takes one off the list once answered (with the CSRF token only)', async () => {
    const sam = await signIn(console_.base, 'sam@shop.test');
    const draft = await console_.store.queue.draftTicket({ conversation: 'ticket-1', user: 'anon:t', channel: 'widget', reason: 'requested', summary: 's' });
    await console_.store.queue.updateTicket(draft.id, { message: 'Where is my parcel?', email: 'ann@example.com', status: 'open' });
    expect((await (await sam.call('/api/tickets')).json()).tickets).toMatchObject([{ id: draft.id, email: 'ann@example.com' }]);
    expect((await sam.call(`/api/tickets/${draft.id}/close`, { body: {}, csrf: null })).status).toBe(403);
    expect((await sam.call(`/api/tickets/${draft.id}/close`, { body: {} })).status).toBe(200);
    expect((await (await sam.call('/api/tickets')).json()).tickets).toEqual([]);
  });

  it('lets only a signed-in agent\'s page from this origin onto the live socket, and tells it of each change', async () => {
    const socket = (headers: Record<string, string>) => new Promise<WebSocket | number>((resolve) => {
      const ws = new WebSocket(`${console_.base.replace('http', 'ws')}/agent/ws`, { headers });
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    });
    const sam = await signIn(console_.base, 'sam@shop.test');
    expect(await socket({ Origin: console_.base })).toBe(401);
    expect(await socket({ Origin: console_.base, Cookie: 'aisle_agent=made-up' })).toBe(401);
    expect(await socket({ Origin: 'https://evil.example', Cookie: sam.session! })).toBe(403);
    const live = await socket({ Origin: console_.base, Cookie: sam.session! });
    expect(live).toBeInstanceOf(WebSocket);
    const heard = new Promise<unknown>((resolve) => (live as WebSocket).once('message', (data) => resolve(JSON.parse(data.toString()))));
    const handoff = await console_.queued('live-1');
    expect((await sam.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(200);
    expect(await heard).toMatchObject({ handoff: handoff.id });
    (live as WebSocket).close();
  });

  it('closes the live socket (4401) once its session is gone: signed out, before the next change is told', async () => {
    const sam = await signIn(console_.base, 'sam@shop.test');
    const kim = await signIn(console_.base, 'kim@shop.test');
    const live = await openSocket(console_.base, sam.session!);
    const heard: unknown[] = [];
    live.on('message', (data) => heard.push(JSON.parse(data.toString())));
    const closed = new Promise<[number, string]>((resolve) => live.once('close', (code, reason) => resolve([code, reason.toString()])));
    expect((await sam.call('/logout', { body: {} })).status).toBe(200);
    const handoff = await console_.queued('after-logout-1');
    expect((await kim.call(`/api/handoffs/${handoff.id}/claim`, { body: {} })).status).toBe(200);
    expect(await closed).toEqual([4401, 'the session has ended: sign in again']);
    expect(heard).toEqual([]);
  });

  it('closes the live socket (4401) on the next ping when the account is removed, with no change to tell', async () => {
    const c = await openConsole({ socketPingMs: 50 });
    try {
      const kim = await signIn(c.base, 'kim@shop.test');
      const live = await openSocket(c.base, kim.session!);
      const closed = new Promise<number>((resolve) => live.once('close', (code) => resolve(code)));
      expect(await c.store.agents.remove('kim@shop.test')).toBe(true);
      expect(await closed).toBe(4401);
    } finally {
      await c.close();
    }
  });

  it(`throttles sign-in: after ${MAX_FAILURES} failures even the right password is refused with 429`, async () => {
    for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn(console_.base, 'ada@shop.test', `guess ${i}`)).session).toBeUndefined();
    const blocked = await signIn(console_.base, 'ada@shop.test');
    expect(blocked.res.status).toBe(429);
    expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.session).toBeUndefined();
  });

  it('throttles guesses sent all at once: no more than the allowed failures reach the password check', async () => {
    const c = await openConsole();
    try {
      const forms = await Promise.all(Array.from({ length: 3 * MAX_FAILURES }, async () => {
        const form = await fetch(`${c.base}/agent/login`);
        return { cookie: form.headers.get('set-cookie')!.split(';')[0]!, csrf: /name="csrf" value="([^"]+)"/.exec(await form.text())![1]! };
      }));
      const answers = await Promise.all(forms.map(({ cookie, csrf }, i) => fetch(`${c.base}/agent/login`, {
        method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
        body: new URLSearchParams({ email: 'kim@shop.test', password: `guess ${i}`, csrf }),
      })));
      expect(answers.filter((r) => r.status === 303)).toHaveLength(MAX_FAILURES);
      expect(answers.filter((r) => r.status === 429)).toHaveLength(2 * MAX_FAILURES);
    } finally {
      await c.close();
    }
  });

  it('marks the cookie Secure when Aisle is reached over https', async () => {
    const secure = await openConsole({ publicUrl: 'https://aisle.example.com' });
    try {
      expect((await signIn(secure.base, 'sam@shop.test')).setCookie).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('concurrent claims over HTTP', () => {
  const { newSchema, dropAll } = testSchemas();
  afterAll(dropAll);
  for (const db of ['sqlite', 'postgres'] as const) {
    it(`give the conversation to exactly one of several agents (${db})`, async () => {
      const url = new URL(TEST_PG_URL);
      url.searchParams.set('schema', newSchema());
      const c = await openConsole(db === 'postgres' ? { db: url.toString() } : {});
      try {
        const agents = await Promise.all(['sam@shop.test', 'kim@shop.test', 'ada@shop.test'].map((e) => signIn(c.base, e)));
        for (let round = 0; round < 5; round++) {
          const handoff = await c.queued(`race-${round}`);
          const statuses = await Promise.all(agents.flatMap((a) => [a, a]).map((a) => a.call(`/api/handoffs/${handoff.id}/claim`, { body: {} }).then((r) => r.status)));
          expect(statuses.filter((s) => s === 200)).toHaveLength(1);
          expect(statuses.filter((s) => s === 409)).toHaveLength(5);
        }
      } finally {
        await c.close();
      }
    });
  }
});
