import { describe, expect, it } from 'vitest';
import { createServiceUrlPolicy, parseHostList } from '../../../src/channels/service-url-policy.ts';

describe('createServiceUrlPolicy', () => {
  const production = createServiceUrlPolicy({ allowLoopback: false, extraHosts: parseHostList('*.bots.example.com, relay.example.org') });
  const development = createServiceUrlPolicy({ allowLoopback: true });

  it.each([
    'https://smba.trafficmanager.net/amer/', 'https://webchat.botframework.com/', 'https://directline.botframework.com/v3/',
    'https://europe.webchat.botframework.com/', 'https://smba.infra.gcc.teams.microsoft.com/teams', 'https://eu.bots.example.com/',
    'https://relay.example.org/', 'https://WEBCHAT.BOTFRAMEWORK.COM./',
  ])('allows %s', (url) => {
    expect(production.refusal(url)).toBeUndefined();
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
    expect(production.refusal(url)).toMatch(reason);
  });

  it('allows this machine, over http too, only in development', () => {
    for (const url of ['http://localhost:53000/', 'http://127.0.0.1:9/', 'http://[::1]:3978/', 'https://127.5.0.1/']) {
      expect(development.refusal(url)).toBeUndefined();
    }
    for (const url of ['http://10.0.0.5/', 'http://169.254.169.254/', 'ftp://127.0.0.1/', 'http://localhost.attacker.example/']) {
      expect(development.refusal(url)).toBeDefined();
    }
  });
});
