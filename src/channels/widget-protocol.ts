/**
 * The widget's wire protocol, the same over the WebSocket (/aisle/ws, one JSON object per frame) and over
 * HTTP (POST /aisle/messages, GET /aisle/messages?after=SEQ).
 *
 * widget → Aisle:
 *   {"type":"hello","conversation"?,"shopper"?,"token"?,"after":SEQ}   first frame: who, and the last entry seen
 *   {"type":"message","id":"CLIENT-ID","text":"…"} | {"type":"message","id","action":{…}}
 * Aisle → widget:
 *   {"type":"welcome","conversation","shopper","signedIn"}             the ids to keep (new ones when absent or not the shopper's)
 *   {"type":"entries","entries":[{seq,role,clientId?,body,at}],"replay"?:true}   in seq order; replay: the missed ones
 *   {"type":"ack","id":"CLIENT-ID","seq"}                               the message is logged (sent again: the same seq, answered once)
 *   {"type":"typing","on":true|false}
 *   {"type":"error","code","message","id"?}
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

export const clientFrameSchema = z.union([helloSchema, messageSchema]);

export type Hello = z.infer<typeof helloSchema>;
export type WidgetMessage = z.infer<typeof messageSchema>;

export type ServerFrame =
  | { type: 'welcome'; conversation: string; shopper: string; signedIn: boolean }
  | { type: 'entries'; entries: WidgetEntry[]; replay?: true }
  | { type: 'ack'; id: string; seq: number }
  | { type: 'typing'; on: boolean }
  | { type: 'error'; code: string; message: string; id?: string };

/** A frame's text parsed and checked; the error says what was wrong in words. */
export function parseClientFrame(text: string): { ok: true; frame: Hello | WidgetMessage } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'A frame must be one JSON object.' };
  }
  const parsed = clientFrameSchema.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ') };
}
