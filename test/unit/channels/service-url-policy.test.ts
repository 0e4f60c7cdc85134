import { describe, expect, it } from 'vitest';
import { createServiceUrlPolicy, isLoopbackAddress, parseHostList } from '../../../src/channels/service-url-policy.ts';

/** A caller elsewhere on the network (TEST-NET-3). */
const REMOTE = '203.0.113.9';

describe('createServiceUrlPolicy', () => {
  const production = createServiceUrlPolicy({ allowLoopback: false, extraHosts: parseHostList('*.bots.example.com, relay.example.org') });
  const development = createServiceUrlPolicy({ allowLoopback: true });

  it.each([
    'https://smba.trafficmanager.net/amer/', 'https://webchat.botframework.com/', 'https://directline.botframework.com/v3/',
    'https://europe.webchat.botframework.com/', 'https://smba.infra.gcc.teams.microsoft.com/teams', 'https://eu.bots.example.com/',
    'https://relay.example.org/', 'https://WEBCHAT.BOTFRAMEWORK.COM./',
  ])('allows %s', (url) => {
    expect(production.refusal(url, REMOTE)).toBeUndefined();
  });

  it.each([
    ['http://webchat.botframework.com/', /https/],
    ['https://botframework.com.attacker.example/', /not a Bot Service host/],
    ['https://evilbotframework.com/', /not a Bot Service host/],
    ['https://trafficmanager.net/', /not a Bot Service host/],
    ['http://127.0.0.1:3978/', /https/],
    ['https://localhost/', /not a Bot Service host/],
    ['not a url', /not a URL/],
    [undefined, /missing/],
  ])('refuses %s in production', (url, reason) => {
    expect(production.refusal(url, REMOTE)).toMatch(reason);
  });

  it('allows this machine, over http too, only in development and only to a caller on this machine', () => {
    for (const url of ['http://localhost:53000/', 'http://127.0.0.1:9/', 'http://[::1]:3978/', 'https://127.5.0.1/']) {
      for (const caller of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(development.refusal(url, caller)).toBeUndefined();
      expect(development.refusal(url, REMOTE)).toMatch(/this machine, but the request came from 203\.0\.113\.9/);
      expect(development.refusal(url, '::ffff:10.0.0.7')).toBeDefined();
      expect(development.refusal(url, undefined)).toBeDefined();
    }
    for (const url of ['http://10.0.0.5/', 'http://169.254.169.254/', 'ftp://127.0.0.1/', 'http://localhost.attacker.example/']) {
      expect(development.refusal(url, '127.0.0.1')).toBeDefined();
    }
    expect(development.refusal('https://webchat.botframework.com/', REMOTE)).toBeUndefined();
  });
});

describe('isLoopbackAddress', () => {
  it.each([['127.0.0.1', true], ['127.8.0.1', true], ['::1', true], ['::ffff:127.0.0.1', true], ['::FFFF:127.0.0.1', true],
    ['10.0.0.7', false], ['::ffff:10.0.0.7', false], ['0.0.0.0', false], ['::', false], ['fe80::1', false], [undefined, false], ['', false]] as const)(
    '%s is this machine: %s', (address, loopback) => {
      expect(isLoopbackAddress(address)).toBe(loopback);
    });
});
