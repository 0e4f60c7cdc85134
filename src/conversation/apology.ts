import type { Reply } from './reply.ts';

/**
 * What the shopper sees when a turn failed on Aisle's side (a dialog step threw, or the engine or its store did):
 * sorry in plain words and a person on offer. The error itself goes to the log, never to the shopper.
 */
export function apology(): Reply {
  return {
    text: 'Sorry, something went wrong on my side. Could you say that again in a moment, or talk to a person from our team?',
    suggestions: ['Talk to a person'],
  };
}
