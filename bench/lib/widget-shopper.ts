import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';

/** How one turn ended, as the shopper's widget would see it. */
export type TurnOutcome =
  | { ok: true; ackMs: number; replyMs: number; productIds: string[] }
  | { ok: false; error: string; ms: number };

/** What a turn sends: text, or a card button's action. */
export type TurnBody = { text: string } | { action: { type: 'details' | 'add_to_cart'; productId: string } };

/** One simulated shopper's socket to /aisle/ws, speaking the widget protocol (src/channels/widget-protocol.ts). */
export interface WidgetShopper {
  /** Sends one message and waits for its ack and the reply entries; one turn at a time. */
  turn(body: TurnBody): Promise<TurnOutcome>;
  close(): void;
}

interface Frame {
  type: string;
  id?: string;
  seq?: number;
  code?: string;
  replay?: boolean;
  entries?: Array<{ seq: number; role: string; body: { products?: Array<{ id: string }> } }>;
}

interface Waiter {
  id: string;
  start: number;
  ackMs?: number;
  timer: NodeJS.Timeout;
  done(outcome: TurnOutcome): void;
}

export interface ShopperOptions {
  /** ws://127.0.0.1:PORT/aisle/ws */
  url: string;
  /** Sent as Origin, as a browser on the store's page would. */
  origin: string;
  /** The loopback address this shopper connects from (127.0.0.2…), so per-address limits see one shopper each. */
  localAddress?: string;
  timeoutMs: number;
}

/** Connects, says hello as a new shopper and resolves once welcomed (the replay of a new conversation is empty). */
export function openWidgetShopper(o: ShopperOptions): Promise<WidgetShopper> {
  const ws = new WebSocket(o.url, { origin: o.origin, localAddress: o.localAddress, handshakeTimeout: o.timeoutMs });
  let waiter: Waiter | undefined;
  const finish = (outcome: TurnOutcome) => {
    const w = waiter;
    if (!w) return;
    waiter = undefined;
    clearTimeout(w.timer);
    w.done(outcome);
  };
  const failed = (error: string) => finish({ ok: false, error, ms: performance.now() - (waiter?.start ?? 0) });
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    if (waiter) onFrame(frame, waiter, finish, failed);
  });
  ws.on('close', (code) => failed(`socket closed (${code})`));
  const shopper: WidgetShopper = {
    turn: (body) => new Promise((done) => {
      const id = randomUUID();
      const start = performance.now();
      const timer = setTimeout(() => failed('timeout'), o.timeoutMs);
      waiter = { id, start, timer, done };
      ws.send(JSON.stringify({ type: 'message', id, ...body }));
    }),
    close: () => ws.close(1000),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('no welcome before the timeout')); }, o.timeoutMs);
    ws.on('error', (err) => { clearTimeout(timer); reject(err); failed(`socket error: ${err.message}`); });
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', after: 0 })));
    ws.once('close', (code) => { clearTimeout(timer); reject(new Error(`closed before the welcome (${code})`)); });
    ws.on('message', function welcomed(data) {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type === 'error') reject(new Error(`hello refused: ${frame.code}`));
      if (frame.type !== 'welcome') return;
      ws.off('message', welcomed);
      clearTimeout(timer);
      resolve(shopper);
    });
  });
}

/** The ack comes first (the message is logged), then the shopper's own entry, then the reply entries in one frame. */
function onFrame(frame: Frame, w: Waiter, finish: (o: TurnOutcome) => void, failed: (error: string) => void): void {
  const now = performance.now();
  if (frame.type === 'ack' && frame.id === w.id) w.ackMs = now - w.start;
  else if (frame.type === 'error' && (frame.id === w.id || frame.id === undefined)) failed(frame.code ?? 'error');
  else if (frame.type === 'entries' && !frame.replay) {
    const replies = (frame.entries ?? []).filter((e) => e.role === 'aisle');
    if (replies.length === 0) return;
    if (w.ackMs === undefined) return failed('reply before ack');
    const productIds = replies.flatMap((e) => (e.body.products ?? []).map((p) => p.id));
    finish({ ok: true, ackMs: w.ackMs, replyMs: now - w.start, productIds });
  }
}
