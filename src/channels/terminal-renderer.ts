import { formatPrice } from '../conversation/format-price.ts';
import type { Reply } from '../conversation/reply.ts';
import type { TurnResult } from '../conversation/turn.ts';

/** A reply as terminal text: numbered product lines, a comparison table, chips in brackets. */
export function renderForTerminal(reply: Reply): string {
  const lines = [reply.text];
  reply.products?.forEach((p, i) => {
    const rating = p.rating !== undefined ? ` ★${p.rating.toFixed(1)}${p.reviewCount ? ` (${p.reviewCount})` : ''}` : '';
    const stock = p.availability === 'in_stock' ? '' : ` · ${p.availability.replace(/_/g, ' ')}`;
    lines.push(`  ${i + 1}. ${p.title} — ${formatPrice(p.price, p.currency)}${rating}${stock}  [${p.id}]`);
  });
  if (reply.comparison) {
    const { products, rows } = reply.comparison;
    const width = 28;
    const cell = (s: string) => (s.length > width ? `${s.slice(0, width - 1)}…` : s.padEnd(width));
    const labels = Math.min(Math.max(14, ...rows.map((r) => r.label.length + 2)), 30);
    lines.push(`  ${''.padEnd(labels)}${products.map((p) => cell(p.title)).join(' ')}`);
    for (const row of rows) {
      const values = row.values.map((v) => cell(v ?? '—')).join(' ');
      // A label is never cut: one too long for the column gets a line of its own above its values.
      if (row.label.length < labels) lines.push(`  ${row.label.padEnd(labels)}${values}`);
      else lines.push(`  ${row.label}`, `  ${''.padEnd(labels)}${values}`);
    }
  }
  for (const a of reply.actions ?? []) lines.push(`  (cart: ${a.type === 'add_to_cart' ? 'add' : 'remove'} ${a.quantity} × ${a.productId}${a.variantSku ? `, ${a.variantSku}` : ''})`);
  if (reply.handoff) lines.push(`  (handing over to a person: ${reply.handoff.reason})`);
  for (const c of reply.citations ?? []) lines.push(`  Source: ${c.title} (${c.url})`);
  if (reply.suggestions?.length) lines.push(`  ${reply.suggestions.map((s) => `[${s}]`).join(' ')}`);
  return lines.join('\n');
}

/** The stable `aisle chat --jsonl` line for one turn (README, "Scripting the chat"). */
export function turnJson(result: TurnResult): string {
  return JSON.stringify({
    conversation: result.conversation,
    replies: result.replies,
    intent: result.intent,
    confidence: Math.round(result.confidence * 1000) / 1000,
    slots: result.slots,
    handoff: result.handoff,
  });
}
