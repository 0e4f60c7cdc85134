/**
 * The widget's wire protocol, the same over the WebSocket (/aisle/ws, one JSON object per frame) and over
 * HTTP (POST /aisle/messages, GET /aisle/messages?after=SEQ).
 *
 * widget → Aisle:
 *   {"type":"hello","conversation"?,"shopper"?,"token"?,"after":SEQ}   first frame: who, and the last entry seen
 *   {"type":"message","id":"CLIENT-ID","text":"…"} | {"type":"message","id","action":{…}}
 *   {"type":"events","events":[{"id":"EVENT-ID","kind":"click","product":"ID"}]}   what only the browser saw (a product link
 *                                                                       opened); the user is the connection's, never the frame's
 * Aisle → widget:
 *   {"type":"welcome","conversation","shopper","signedIn"}             the ids to keep (new ones when absent or not the shopper's)
 *   {"type":"entries","entries":[{seq,role,clientId?,body,at}],"replay"?:true}   in seq order; replay: the missed ones
 *   {"type":"ack","id":"CLIENT-ID","seq"}                               the message is logged (sent again: the same seq, answered once)
 *   {"type":"typing","on":true|false}
 *   {"type":"error","code","message","id"?}
 *   {"type":"noted","recorded":N,"ignored":M}                          an events frame was read (ignored: not shown here, sent again, over the rate)
 *   {"type":"handoff","state":"waiting"|"agent"|"assistant","position"?,"agent"?}   a person's part: in line, joined (name), gone
 *   An agent's message is an Aisle entry whose body has "from" (the agent's name).
 * HTTP: POST /aisle/events {conversation, shopper, token?, events} answers {recorded, ignored}. POST and GET /aisle/messages
 *   answer {conversation, shopper, signedIn, ack?, entries, handoff?}: `handoff` is the state now ({state, position?, agent?},
 *   `assistant` when no person has it), as nothing is pushed over HTTP.
 */
import { z } from 'zod';
import { turnActionSchema } from '../conversation/turn-action-schema.ts';
import { MAX_MESSAGE_CHARS } from '../conversation/turn.ts';
import type { WidgetEntry } from '../storage/widget-log.ts';

/** Largest frame or request body accepted, in bytes; a larger WebSocket frame closes the socket with 1009. */
export const MAX_FRAME_BYTES = 8 * 1024;
/** Entries a replay sends at most (the newest), so a long conversation reloads quickly. */
export const REPLAY_LIMIT = 200;

const id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, _ or -');

export const helloSchema = z.object({
  type: z.literal('hello'),
  conversation: id.optional(),
  shopper: id.optional(),
  token: z.string().max(2048).optional(),
  after: z.number().int().min(0).default(0),
});

export const messageSchema = z.object({
  type: z.literal('message'),
  id,
  text: z.string().max(MAX_MESSAGE_CHARS * 2).optional(),
  action: turnActionSchema.optional(),
}).refine((m) => (m.text?.trim() ? 1 : 0) + (m.action ? 1 : 0) === 1, 'a message has either "text" or "action"');

/** Most events one frame may report: a batch, not a stream. */
export const MAX_REPORTED_EVENTS = 20;

/** One thing the browser saw the shopper do; strict: a `user` (or any other field) in it is refused, not trusted. */
export const reportedEventSchema = z.strictObject({
  id,
  kind: z.enum(['click']),
  product: z.string().min(1).max(256),
});

export const eventsSchema = z.strictObject({
  type: z.literal('events'),
  events: z.array(reportedEventSchema).min(1).max(MAX_REPORTED_EVENTS),
});

const byType = { hello: helloSchema, message: messageSchema, events: eventsSchema } as const;
export const clientFrameSchema = z.union([helloSchema, messageSchema, eventsSchema]);

export type Hello = z.infer<typeof helloSchema>;
export type WidgetMessage = z.infer<typeof messageSchema>;
export type ReportedEvent = z.infer<typeof reportedEventSchema>;
export type EventsFrame = z.infer<typeof eventsSchema>;

export type ServerFrame =
  | { type: 'welcome'; conversation: string; shopper: string; signedIn: boolean }
  | { type: 'entries'; entries: WidgetEntry[]; replay?: true }
  | { type: 'ack'; id: string; seq: number }
  | { type: 'typing'; on: boolean }
  | { type: 'error'; code: string; message: string; id?: string }
  | ({ type: 'noted' } & EventsNoted)
  /** A person's part of the conversation: waiting in line (position), an agent has it (their name), back to the assistant. */
  | { type: 'handoff'; state: 'waiting' | 'agent' | 'assistant'; position?: number; agent?: string };

/** What became of a batch of reported events. */
export interface EventsNoted {
  recorded: number;
  /** Not shown in this conversation, already recorded, or over the rate. */
  ignored: number;
}

/** A frame's text parsed and checked; the error says what was wrong in words. */
export function parseClientFrame(text: string): { ok: true; frame: Hello | WidgetMessage | EventsFrame } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'A frame must be one JSON object.' };
  }
  // Checked against its own type's schema, so the error names the field, not "no union member matched".
  const type = (json as { type?: unknown } | null)?.type;
  const parsed = (typeof type === 'string' && Object.hasOwn(byType, type) ? byType[type as keyof typeof byType] : clientFrameSchema).safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ') };
}
