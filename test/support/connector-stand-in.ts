import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/** What the Bot Connector stand-in received: one entry per activity the bot posted. */
export interface Posted { conversation: string; replyTo?: string; authorization?: string; activity: Record<string, any> }

export interface ConnectorStandIn {
  /** The `serviceUrl` to put on incoming activities, so the bot posts its replies here. */
  url: string;
  posted: Posted[];
  /** What the bot posted into one conversation, in order. */
  sentTo(conversation: string): Posted[];
  close(): Promise<void>;
}

/** A local Bot Connector: records POST /v3/conversations/:id/activities[/:replyToId] and answers with an id, as the real one does. */
export async function startConnector(): Promise<ConnectorStandIn> {
  const posted: Posted[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post(['/v3/conversations/:conversation/activities', '/v3/conversations/:conversation/activities/:replyTo'], (req, res) => {
    const { conversation, replyTo } = req.params as { conversation: string; replyTo?: string };
    posted.push({ conversation, replyTo, authorization: req.headers.authorization, activity: req.body });
    res.status(201).json({ id: `sent-${posted.length}` });
  });
  const server: Server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posted,
    sentTo: (conversation) => posted.filter((p) => p.conversation === conversation),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An activity as Web Chat or the Emulator posts it to the bot, addressed so replies go to `serviceUrl`. */
export function webChatActivity(serviceUrl: string, conversation: string, fields: Record<string, unknown>) {
  return {
    id: `${conversation}-in`, timestamp: new Date().toISOString(), channelId: 'webchat', serviceUrl, locale: 'en-US',
    from: { id: 'user-1', name: 'Shopper', role: 'user' }, recipient: { id: 'aisle-bot', name: 'Aisle', role: 'bot' },
    conversation: { id: conversation }, ...fields,
  };
}

/** POSTs a JSON body to `${base}/api/messages`. */
export function postMessage(base: string, body: unknown, headers: Record<string, string> = {}): Promise<globalThis.Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
