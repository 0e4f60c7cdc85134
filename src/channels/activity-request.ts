import { Activity } from '@microsoft/agents-activity';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { inAnotherDoorsNamespace, OTHER_DOORS_TEXT } from './id-namespaces.ts';
import type { ServiceUrlPolicy } from './service-url-policy.ts';

/**
 * The largest Activity body accepted. A message is at most a few kB of text plus card data; anything near this
 * is not a shopper typing, and is refused before it is parsed (413). Text the engine cannot read (over
 * MAX_MESSAGE_CHARS) still gets a reply in words.
 */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

const parseJson = express.json({ limit: MAX_ACTIVITY_BYTES });

/** Parses the JSON body: 413 PAYLOAD_TOO_LARGE over MAX_ACTIVITY_BYTES, 400 BAD_INPUT when it is not JSON. */
export function activityBody(req: Request, res: Response, next: NextFunction): void {
  parseJson(req, res, (err?: unknown) => {
    if (!err) return next();
    if ((err as { type?: unknown }).type === 'entity.too.large') {
      return next(new AppError('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_ACTIVITY_BYTES / 1024} kB; a Bot Framework Activity is far smaller.`, { cause: err }));
    }
    next(new AppError('BAD_INPUT', `The body must be a Bot Framework Activity as JSON (at most ${MAX_ACTIVITY_BYTES / 1024} kB).`, { cause: err }));
  });
}

const ownId = z.string().min(1).refine((id) => !inAnotherDoorsNamespace(id), { error: `ids starting with ${OTHER_DOORS_TEXT} belong to the widget, Slack and Teams profiles` });

/** The fields Aisle reads, with the types it reads them as; the SDK's own schema checks the rest. */
const activityShape = z.looseObject({
  type: z.string().min(1),
  conversation: z.looseObject({ id: ownId }),
  from: z.looseObject({ id: ownId }),
  membersAdded: z.array(z.looseObject({ id: ownId.optional() })).optional(),
  serviceUrl: z.string({ error: 'serviceUrl is required: replies are posted there' }),
  text: z.string({ error: 'text must be a string' }).optional(),
  locale: z.string().optional(),
  channelId: z.string().optional(),
});

/**
 * Refuses, with 400 and the error shape, a body that is not an Activity the SDK and Aisle can read (a number
 * as `text`, say: it would otherwise fail deep in the SDK as a 500), or whose `serviceUrl` is not a place
 * replies may be posted to.
 */
export function checkActivity(policy: ServiceUrlPolicy, logOf: (res: Response) => Logger): RequestHandler {
  return (req, res, next) => {
    const shape = activityShape.safeParse(req.body);
    if (!shape.success) {
      return next(new AppError('BAD_INPUT', `The body must be a Bot Framework Activity with type, conversation.id, from.id and serviceUrl (${issuesOf(shape.error.issues)}).`));
    }
    try {
      Activity.fromObject(req.body);
    } catch (err) {
      const issues = (err as { issues?: Issue[] }).issues;
      return next(new AppError('BAD_INPUT', `The body is not a valid Bot Framework Activity (${issues ? issuesOf(issues) : 'unreadable'}).`, { cause: err }));
    }
    const refusal = policy.refusal(shape.data.serviceUrl, req.socket.remoteAddress);
    if (refusal) {
      logOf(res).warn({ reason: refusal }, 'activity refused: replies would go to a host that is not allowed');
      return next(new AppError('BAD_INPUT', "Replies cannot be posted to this activity's serviceUrl: it is not a Bot Service address."));
    }
    next();
  };
}

type Issue = { path: PropertyKey[]; message: string };

function issuesOf(issues: readonly Issue[]): string {
  return issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`).join('; ');
}
