import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackDoor, type SlackDoor } from '../../../src/channels/slack-door.ts';
import { loadConfig } from '../../../src/config.ts';
import type { IndexManifest } from '../../../src/index/index-manifest.ts';
import type { ProductSearch } from '../../../src/search/search.ts';
import { createApp } from '../../../src/server/app.ts';
import { listen, type RunningServer } from '../../../src/server/listen.ts';
import { createEchoEngine, ECHO_SOFAS } from '../../support/echo-engine.ts';
import { captureLog } from '../../support/log-capture.ts';
import {
  APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, TEAM, buttonPress, messageEvent, postSlack, startSlackStandIn, type SlackStandIn,
} from '../../support/slack-stand-in.ts';

const searchDeps = { search: { size: 0, mode: 'lexical' } as unknown as ProductSearch, manifest: {} as IndexManifest };
const load = (env: NodeJS.ProcessEnv) => loadConfig(env, { home: '/tmp/aisle-slack-config' }, process.cwd(), process.cwd());

describe('Slack settings', () => {
  it('leaves Slack off unless configured, and refuses half a configuration saying what to set', () => {
    expect(load({}).slackBotToken).toBeUndefined();
    expect(() => load({ AISLE_SLACK_BOT_TOKEN: BOT_TOKEN })).toThrow(/slackSigningSecret \(AISLE_SLACK_SIGNING_SECRET\): .*Signing Secret.*or AISLE_SLACK_APP_TOKEN/);
    expect(() => load({ AISLE_SLACK_SIGNING_SECRET: 's' })).toThrow(/slackBotToken \(AISLE_SLACK_BOT_TOKEN\): AISLE_SLACK_SIGNING_SECRET is set but not the bot token/);
    expect(() => load({ AISLE_SLACK_BOT_TOKEN: 'xoxp-user-token', AISLE_SLACK_APP_TOKEN: 'nope' })).toThrow(/xoxb-[\s\S]*xapp-/);
    expect(load({ AISLE_SLACK_BOT_TOKEN: BOT_TOKEN, AISLE_SLACK_SIGNING_SECRET: SIGNING_SECRET })).toMatchObject({ slackSigningSecret: SIGNING_SECRET });
    expect(load({ AISLE_SLACK_BOT_TOKEN: BOT_TOKEN, AISLE_SLACK_APP_TOKEN: APP_TOKEN })).toMatchObject({ slackAppToken: APP_TOKEN });
  });
});

describe('the Slack app manifests (deploy/slack/)', () => {
  it('subscribe to what the door answers, with the scopes it needs, at the path it serves', () => {
    for (const file of ['manifest.yml', 'manifest-socket-mode.yml']) {
      const manifest = readFileSync(`deploy/slack/${file}`, 'utf8');
      for (const needed of ['- app_mention', '- message.im', '- app_mentions:read', '- chat:write', '- im:history', 'messages_tab_enabled: true']) {
        expect(manifest, `${file} has ${needed}`).toContain(needed);
      }
      expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    }
    expect(readFileSync('deploy/slack/manifest.yml', 'utf8').match(/request_url: https:\/\/YOUR-AISLE-HOST\/slack\/events/g)).toHaveLength(2);
    expect(readFileSync('deploy/slack/manifest-socket-mode.yml', 'utf8')).toContain('socket_mode_enabled: true');
  });
});

describe('the Slack door', () => {
  let slack: SlackStandIn | undefined;
  let door: SlackDoor | undefined;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    await door?.stop();
    await slack?.close();
    server = door = slack = undefined;
  });

  it('stops start-up on a token Slack refuses, saying which setting and where to find it', async () => {
    slack = await startSlackStandIn();
    const wrong = createSlackDoor({ engine: createEchoEngine(), botToken: 'xoxb-wrong', signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl });
    await expect(wrong.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/Slack refused AISLE_SLACK_BOT_TOKEN \(invalid_auth\).*OAuth & Permissions/) });
  });

  it('posts a reply again without pictures when Slack cannot draw a catalog picture', async () => {
    slack = await startSlackStandIn();
    const captured = captureLog('info');
    const engine = createEchoEngine();
    const broken = { ...ECHO_SOFAS[0]!, imageUrl: 'https://shop.example/img/harbor.webp' };
    engine.handle = async (turn) => ({ conversation: turn.conversation, replies: [{ text: 'one sofa', products: [broken] }], intent: 'not_sure', confidence: 0, slots: {}, handoff: false });
    door = createSlackDoor({ engine, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: slack.apiUrl, log: captured.log });
    await door.start();
    server = await listen(createApp({ ...searchDeps, slack: door.router }), 0, '127.0.0.1');
    expect((await postSlack(`http://127.0.0.1:${server.port}`, JSON.stringify(messageEvent('sofas')))).status).toBe(200);
    const [posted] = await slack.waitForPosts(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
    expect(posted!.blocks[1]).toMatchObject({ type: 'section', text: { text: expect.stringContaining('Harbor Linen Sofa') } });
    expect(posted!.blocks[1].accessory).toBeUndefined();
    expect(captured.lines.some((l) => /posted again without pictures/.test(l.msg))).toBe(true);
  });

  it('works over Socket Mode: events and button presses arrive on the WebSocket, are acknowledged, and answered in the thread', async () => {
    slack = await startSlackStandIn();
    const engine = createEchoEngine();
    door = createSlackDoor({ engine, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: slack.apiUrl });
    expect(door.router).toBeUndefined();
    await door.start();
    expect(slack.calls.map((c) => c.method)).toEqual(['auth.test', 'apps.connections.open']);
    const link = await slack.socket();
    const event = messageEvent('sofas');
    expect(await link.deliver('events_api', event)).toMatchObject({ envelope_id: expect.any(String) });
    const [reply] = await slack.waitForPosts(1);
    expect(reply).toMatchObject({ channel: 'D0SHOPPER', thread_ts: event.event.ts });
    expect(engine.turns[0]).toMatchObject({ conversation: `slack:${TEAM}:D0SHOPPER`, user: `slack:${TEAM}:U0SHOPPER`, channel: 'slack', text: 'sofas' });

    await link.deliver('events_api', event, 1);
    await link.deliver('interactive', buttonPress(reply!, 'aisle:details:sofa-dune'));
    const [, details] = await slack.waitForPosts(2);
    expect(details).toMatchObject({ channel: 'D0SHOPPER', thread_ts: event.event.ts, text: expect.stringContaining('"productId":"sofa-dune"') });
    expect(engine.turns.map((t) => t.action ?? t.text)).toEqual(['sofas', { type: 'details', productId: 'sofa-dune' }]);
  });
});
