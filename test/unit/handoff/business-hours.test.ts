import { describe, expect, it } from 'vitest';
import { isOpen, parseBusinessHours } from '../../../src/handoff/business-hours.ts';
import { loadConfig } from '../../../src/config.ts';

describe('business hours', () => {
  const hours = parseBusinessHours('Mon-Fri 09:00-17:00, Sat 10:00-14:00', 'Europe/London');

  it('is open inside the spans, in the configured zone, and closed outside them', () => {
    // 2026-07-06 is a Monday; London is UTC+1 in July.
    expect(isOpen(hours, new Date('2026-07-06T08:30:00Z'))).toBe(true); // 09:30 in London
    expect(isOpen(hours, new Date('2026-07-06T07:30:00Z'))).toBe(false); // 08:30
    expect(isOpen(hours, new Date('2026-07-06T16:00:00Z'))).toBe(false); // 17:00, the end is exclusive
    expect(isOpen(hours, new Date('2026-07-11T10:00:00Z'))).toBe(true); // Saturday 11:00
    expect(isOpen(hours, new Date('2026-07-12T10:00:00Z'))).toBe(false); // Sunday
    expect(isOpen(undefined, new Date())).toBe(true);
  });

  it('reads a wrapping day range and a whole day', () => {
    const weekend = parseBusinessHours('Sat-Mon 00:00-24:00', 'UTC');
    expect(weekend.spans.map((s) => s.day)).toEqual([6, 0, 1]);
    expect(isOpen(weekend, new Date('2026-07-12T23:59:00Z'))).toBe(true);
  });

  it('refuses bad settings at start-up with every problem said', () => {
    const load = (env: NodeJS.ProcessEnv) => () => loadConfig(env, { home: '/tmp/aisle-hours' }, process.cwd(), process.cwd());
    expect(load({ AISLE_SUPPORT_HOURS: 'Mon-Fri 9-5' })).toThrow(/supportHours \(AISLE_SUPPORT_HOURS\): "Mon-Fri 9-5" is not "DAY\[-DAY\] HH:MM-HH:MM"/);
    expect(load({ AISLE_SUPPORT_HOURS: 'Mon 17:00-09:00' })).toThrow(/ends before it starts/);
    expect(load({ AISLE_SUPPORT_HOURS: 'Mon 09:00-17:00', AISLE_SUPPORT_TZ: 'Mars/Olympus' })).toThrow(/time zone "Mars\/Olympus" is not an IANA zone/);
    expect(load({ AISLE_REDIS_URL: 'localhost:6379' })).toThrow(/redis \(--redis or AISLE_REDIS_URL\): must be a redis:\/\//);
    const config = load({ AISLE_SUPPORT_HOURS: 'Mon-Fri 09:00-17:00', AISLE_SUPPORT_TZ: 'America/New_York' })();
    expect(config.supportHours).toMatchObject({ timeZone: 'America/New_York', text: 'Mon-Fri 09:00-17:00' });
    expect(config.cannedReplies.length).toBeGreaterThan(1);
  });
});
