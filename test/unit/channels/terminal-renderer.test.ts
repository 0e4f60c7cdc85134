import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../../src/channels/terminal-renderer.ts';
import type { Reply } from '../../../src/conversation/reply.ts';

const card = (id: string, title: string) => ({ id, title, currency: 'USD', availability: 'in_stock' as const, price: 100 });

describe('renderForTerminal comparison table', () => {
  const reply: Reply = {
    text: 'Here they are side by side.',
    comparison: {
      products: [card('a', 'Harbor Sofa'), card('b', 'Dune Sofa')],
      rows: [
        { label: 'Price', values: ['$100.00', '$100.00'] },
        { label: 'Assembly required', values: ['Yes', 'No'] },
        { label: 'Recommended maximum load per seat cushion', values: ['120 kg', null] },
      ],
    },
  };
  const lines = renderForTerminal(reply).split('\n');

  it('never cuts a label, and keeps the values in their columns', () => {
    expect(lines.find((l) => l.includes('Assembly'))).toMatch(/^ {2}Assembly required +Yes +No/);
    const long = lines.findIndex((l) => l.trim() === 'Recommended maximum load per seat cushion');
    expect(long).toBeGreaterThan(0);
    expect(lines[long + 1]).toMatch(/^ +120 kg +—/);
    const column = (line: string | undefined, text: string) => line?.indexOf(text);
    expect(column(lines.find((l) => l.startsWith('  Price')), '$100.00')).toBe(column(lines[1], 'Harbor Sofa'));
    expect(column(lines[long + 1], '120 kg')).toBe(column(lines[1], 'Harbor Sofa'));
  });
});
