import { z } from 'zod';
import type { TurnAction } from './reply.ts';

const productId = z.string().min(1).max(200);

/** A card button's data as it comes back from any channel; checked before the engine sees it. */
export const turnActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('details'), productId }),
  z.object({ type: z.literal('add_to_cart'), productId }),
  z.object({ type: z.literal('show_more') }),
  z.object({ type: z.literal('feedback'), answer: z.string().min(1).max(500), helpful: z.boolean() }),
]) satisfies z.ZodType<TurnAction>;
