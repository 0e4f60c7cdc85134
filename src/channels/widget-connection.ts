import type { RawData, WebSocket } from 'ws';
import { isAppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { WidgetLimiter } from './widget-guards.ts';
import { parseClientFrame, type Hello, type ServerFrame, type WidgetMessage } from './widget-protocol.ts';
import type { WidgetService, WidgetSession } from './widget-service.ts';

/** What one widget socket needs: the service, the limits it spends from, and whether the server is stopping. */
export interface ConnectionDeps {
  service: WidgetService;
  limiter: WidgetLimiter;
  log: Logger;
  /** True once the server is stopping: messages are then left unacknowledged, so the widget sends them again. */
  stopping(): boolean;
}

/** One open socket, as the server sees it while stopping. */
export interface Connection {
  /** Resolves once no turn this socket accepted is still being answered. */
  idle(): Promise<void>;
}

/** Invalid frames (malformed, oversized, out of order) a connection may send before it is closed with 1008. */
export const MAX_INVALID_FRAMES = 10;
/** Close code and reason for a connection that kept sending invalid frames (the widget then stops retrying). */
export const ABUSE_CLOSE = { code: 1008, reason: 'too many invalid frames' } as const;

let connections = 0;

/** Serves one widget socket: a hello, then messages, each acknowledged before its turn runs. */
export function serveConnection(ws: WebSocket, deps: ConnectionDeps, address: string | undefined): Connection {
  const key = `socket:${++connections}`;
  const send = (frame: ServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const turns = new Set<Promise<void>>();
  let session: WidgetSession | undefined;
  let opening = false;
  let strikes = 0;
  let unsubscribe = () => {};
  ws.on('close', () => unsubscribe());
  ws.on('error', (err: Error & { code?: string }) => {
    // An oversized frame (ws closes with 1009 before reading it) costs the address like any invalid frame.
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.limiter.take(key, address);
    ws.terminate();
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    const parsed = isBinary ? { ok: false as const, message: 'Frames are JSON text.' } : parseClientFrame(data.toString());
    if (!parsed.ok) return invalid(parsed.message);
    const frame = parsed.frame;
    if (frame.type === 'hello') {
      if (session || opening) return invalid('One hello per connection.');
      // The hello checks a token and reads the database: the address pays for it first.
      // Refused with 1013 (try again later): the widget reconnects after its backoff and says hello again.
      const wait = deps.limiter.address(address);
      if (wait) return ws.close(1013, `too many messages; try again in ${wait} s`);
      opening = true;
      return void hello(frame).catch((err: unknown) => {
        opening = false;
        fail()(err);
      });
    }
    if (!session) return invalid('Say hello first.', 'id' in frame ? frame.id : undefined);
    // Reported events (product links opened) spend the service's own allowance, not the message limiter's.
    if (frame.type === 'events') return void deps.service.report(session, frame.events).then((noted) => send({ type: 'noted', ...noted }), fail());
    // Stopping: not acknowledged, so the widget sends it again once it has reconnected (to this server's successor).
    if (deps.stopping()) return send({ type: 'error', code: 'UNAVAILABLE', message: 'Aisle is restarting; your message goes again once reconnected.' });
    const wait = deps.limiter.take(key, address);
    if (wait) return send({ type: 'error', code: 'RATE_LIMITED', message: `Too many messages; try again in ${wait} s.`, id: frame.id });
    const turn = message(session, frame).catch(fail(frame.id)).finally(() => turns.delete(turn));
    turns.add(turn);
  });

  /** A frame that is not what the protocol allows: said, counted against the limits, and after repeated abuse the end. */
  function invalid(text: string, id?: string) {
    const wait = deps.limiter.take(key, address);
    if (wait || ++strikes >= MAX_INVALID_FRAMES) return ws.close(ABUSE_CLOSE.code, ABUSE_CLOSE.reason);
    send({ type: 'error', code: 'BAD_INPUT', message: text, ...(id ? { id } : {}) });
  }

  /** Welcome, then the missed entries, then live ones: live frames wait until the replay went out, so none is skipped. */
  async function hello(frame: Hello) {
    const opened = await deps.service.open(frame);
    // Closed while the hello was checked: 'close' has run already, so a subscription now would never be removed.
    if (ws.readyState !== ws.OPEN) return;
    let held: ServerFrame[] | undefined = [];
    unsubscribe = deps.service.subscribe(opened.conversation, (f) => (held ? held.push(f) : send(f)));
    let missed;
    let person;
    try {
      missed = await deps.service.replay(opened, frame.after);
      // A reload while a person has the conversation shows who has it again, not just their words. Read before the
      // welcome: from the welcome on, nothing may be awaited before the session is set (the widget sends at once).
      person = await deps.service.handoff?.(opened).catch(() => undefined);
    } catch (err) {
      // The widget may say hello again: this subscription (holding frames for a replay that never came) goes.
      unsubscribe();
      unsubscribe = () => {};
      throw err;
    }
    send({ type: 'welcome', conversation: opened.conversation, shopper: opened.shopper, signedIn: opened.signedIn });
    send({ type: 'entries', entries: missed, replay: true });
    if (person) send(person);
    const last = missed.at(-1)?.seq ?? frame.after;
    for (const f of held) {
      if (f.type !== 'entries') send(f);
      else if (f.entries.some((e) => e.seq > last)) send({ type: 'entries', entries: f.entries.filter((e) => e.seq > last) });
    }
    held = undefined;
    // The address goes with each turn: the order desk limits failed verifications per address too.
    session = { ...opened, ...(address ? { ip: address } : {}) };
  }

  async function message(current: WidgetSession, frame: WidgetMessage) {
    const { seq, answer } = await deps.service.send(current, frame);
    send({ type: 'ack', id: frame.id, seq });
    await answer();
  }

  function fail(id?: string) {
    return (err: unknown) => {
      if (!isAppError(err) || err.code === 'INTERNAL') deps.log.error({ err }, 'widget socket frame failed');
      const code = isAppError(err) ? err.code : 'INTERNAL';
      send({ type: 'error', code, message: isAppError(err) ? err.message : 'Something went wrong on our side; please try again.', ...(id ? { id } : {}) });
      if (code === 'UNAUTHORIZED') ws.close(4401, 'sign-in token refused');
    };
  }

  return {
    async idle() {
      while (turns.size) await Promise.allSettled([...turns]);
    },
  };
}
