import { describe, expect, it } from 'vitest';
import { CANCEL_WAITING } from '../../../src/handoff/handoff-words.ts';

describe('cancelling a wait for a person', () => {
  it.each(['cancel', 'never mind', 'no wait, never mind', 'actually, cancel that', 'ok forget it', 'Nevermind!'])('"%s" cancels', (text) => {
    expect(CANCEL_WAITING.test(text)).toBe(true);
  });

  it.each(['my order never arrived, never mind the tracking', 'can you cancel my order 10401', 'no, I still want to talk to someone'])('"%s" does not', (text) => {
    expect(CANCEL_WAITING.test(text)).toBe(false);
  });
});
