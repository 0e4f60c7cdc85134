import type { Handoff } from '../conversation/reply.ts';
import type { HandoffContext } from './handoff-queue.ts';

/** Partial: a reason added later reads as its own name until it has words here. */
const WHY: Partial<Record<Handoff['reason'], string>> = {
  requested: 'Asked for a person',
  repeated_misunderstanding: 'The assistant kept misunderstanding',
  support_topic: 'A service question the assistant could not settle',
  language: 'Writes in a language the assistant does not read',
  frustration: 'Losing patience with the assistant',
};

/** The queue's one line: why, and what the shopper was doing ("Asked for a person · searching "blue sofa" · 2 in cart"). */
export function headlineOf(reason: Handoff['reason'], context: HandoffContext): string {
  const items = context.cart.reduce((n, l) => n + l.quantity, 0);
  const parts = [
    WHY[reason] ?? reason,
    context.search ? `searching "${clip(context.search, 40)}"` : '',
    items ? `${items} in cart` : '',
    context.verifiedOrder ? `order ${context.verifiedOrder} verified` : '',
    context.lastMessage && context.lastMessage !== context.search ? `said "${clip(context.lastMessage, 60)}"` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
