import { describe, expect, it } from 'vitest';
import { inAnotherDoorsNamespace } from '../../../src/channels/id-namespaces.ts';
import { greetingTarget, shopperId } from '../../../src/channels/teams-identity.ts';

const TENANT = '72F988BF-86F1-41AF-91AB-2D7CD011DB47';
const AAD = '6A1B2C3D-0000-4E5F-8A9B-0C1D2E3F4A5B';
const teamsUser = { id: '29:1bSnHZ7Js2STWrgk6ScEErLk1Lp2zQuD5H2qQ960rtvstKp8tKLl', name: 'Ada', aadObjectId: AAD };

describe('shopperId', () => {
  const profile = `teams:${TENANT.toLowerCase()}:${AAD.toLowerCase()}`;

  it('is the same Teams profile in a 1:1 chat, a group chat and a channel', () => {
    const personal = shopperId({ channelId: 'msteams', from: teamsUser, conversation: { id: 'a:1personal', conversationType: 'personal', tenantId: TENANT } } as any);
    const group = shopperId({ channelId: 'msteams', from: teamsUser, conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT } } as any);
    // A channel message carries the tenant in channelData as well; either place is read.
    const channel = shopperId({ channelId: 'msteams', from: teamsUser, conversation: { id: '19:chan@thread.tacv2;messageid=1', conversationType: 'channel' }, channelData: { tenant: { id: TENANT } } } as any);
    expect([personal, group, channel]).toEqual([profile, profile, profile]);
  });

  it('falls back to the Teams user id when Teams gives no object id', () => {
    expect(shopperId({ channelId: 'msteams', from: { id: '29:guest' }, conversation: { id: 'a:1', tenantId: TENANT } } as any)).toBe(`teams:${TENANT.toLowerCase()}:29:guest`);
  });

  it("keeps other channels' own ids, and ignores an object id a non-Teams caller sends", () => {
    expect(shopperId({ channelId: 'webchat', from: { id: 'user-1', aadObjectId: AAD }, conversation: { id: 'c', tenantId: TENANT } } as any)).toBe('user-1');
  });

  it('is a namespace /api/messages refuses as a caller-chosen id', () => {
    expect(inAnotherDoorsNamespace(profile)).toBe(true);
    expect(inAnotherDoorsNamespace('Teams:x')).toBe(true);
    expect(inAnotherDoorsNamespace(teamsUser.id)).toBe(false);
  });
});

describe('greetingTarget', () => {
  const bot = { id: '28:aisle-bot' };

  it('greets the Teams user who installs the app in a 1:1 chat', () => {
    const installed = { channelId: 'msteams', from: teamsUser, recipient: bot, membersAdded: [bot], conversation: { id: 'a:1', conversationType: 'personal', tenantId: TENANT } };
    expect(greetingTarget(installed as any)).toBe(`teams:${TENANT.toLowerCase()}:${AAD.toLowerCase()}`);
  });

  it('stays quiet when someone joins a team or a group chat', () => {
    const joined = { channelId: 'msteams', from: teamsUser, recipient: bot, membersAdded: [{ id: '29:newcomer' }], conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: TENANT } };
    expect(greetingTarget(joined as any)).toBeUndefined();
    expect(greetingTarget({ ...joined, conversation: { ...joined.conversation, conversationType: 'groupChat' } } as any)).toBeUndefined();
  });

  it('elsewhere greets the person who arrived, not the bot', () => {
    expect(greetingTarget({ channelId: 'webchat', recipient: bot, membersAdded: [bot, { id: 'user-1' }] } as any)).toBe('user-1');
    expect(greetingTarget({ channelId: 'webchat', recipient: bot, membersAdded: [bot] } as any)).toBeUndefined();
  });
});
