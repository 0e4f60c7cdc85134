import { describe, expect, it } from 'vitest';
import { createLoginThrottle, MAX_FAILURES } from '../../../src/agent-console/login-throttle.ts';

describe('login throttle', () => {
  it('at its key limit forgets only the stalest keys, so a flood of made-up e-mails does not free a blocked one', async () => {
    const throttle = createLoginThrottle(Date.now, 10);
    for (let i = 0; i < MAX_FAILURES; i++) await throttle.attempt(['email:old@x.test']);
    for (let i = 0; i < MAX_FAILURES; i++) await throttle.attempt(['email:ada@shop.test']);
    expect(await throttle.attempt(['email:ada@shop.test'])).toBeGreaterThan(0);
    for (let i = 0; i < 9; i++) await throttle.attempt([`email:made-up-${i}@x.test`]);
    expect(await throttle.attempt(['email:ada@shop.test'])).toBeGreaterThan(0);
    expect(await throttle.attempt(['email:old@x.test'])).toBe(0);
  });
});
