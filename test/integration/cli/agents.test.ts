import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openHandoffStore } from '../../../src/handoff/open-handoff-store.ts';
import { verifyPassword } from '../../../src/handoff/passwords.ts';
import { openConversationStore } from '../../../src/storage/open-conversation-store.ts';
import { runCli, tempHome } from '../../support/run-cli.ts';

describe('aisle agents', () => {
  const home = tempHome();
  afterAll(() => rmSync(home, { recursive: true, force: true }));
  const env = { AISLE_HOME: home };

  it('adds an account with the password from stdin, stored as an scrypt hash, and refuses a second add without --replace', async () => {
    const added = await runCli(['agents', 'add', 'Sam@Shop.test', '--role', 'admin', '--name', 'Sam'], env, 'a long enough password\n');
    expect(added).toMatchObject({ code: 0, stdout: 'Added admin sam@shop.test ("Sam"). They sign in at /agent.\n' });
    const store = await openHandoffStore('', home);
    const agent = await store.agents.find('sam@shop.test');
    await store.close();
    expect(agent!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(agent!.passwordHash).not.toContain('a long enough password');
    expect(await verifyPassword('a long enough password', agent!.passwordHash)).toBe(true);
    const again = await runCli(['agents', 'add', 'sam@shop.test'], env, 'another long password\n');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/exists already: add --replace/);
    expect((await runCli(['agents', 'add', 'sam@shop.test', '--replace'], env, 'another long password\n')).code).toBe(0);
    expect((await runCli(['agents', 'list'], env)).stdout).toBe('sam@shop.test\tagent\tsam\n');
  });

  it('refuses a short password, a bad role and a bad e-mail, saving nothing', async () => {
    expect((await runCli(['agents', 'add', 'kim@shop.test'], env, 'short\n')).stderr).toMatch(/at least 12 characters; nothing was saved/);
    expect((await runCli(['agents', 'add', 'kim@shop.test', '--role', 'boss'], env, 'a long enough password\n')).stderr).toMatch(/--role must be agent or admin/);
    expect((await runCli(['agents', 'add', 'kim'], env, 'a long enough password\n')).stderr).toMatch(/is not an e-mail address/);
    expect((await runCli(['agents', 'list'], env)).stdout).not.toMatch(/kim/);
    expect((await runCli(['agents', 'remove', 'kim@shop.test'], env)).stderr).toMatch(/No agent kim@shop.test/);
    expect((await runCli(['agents', 'remove', 'sam@shop.test'], env)).code).toBe(0);
  });

  it('aisle users forget deletes the shopper\'s handoffs, what they said in them and their tickets', async () => {
    await (await openConversationStore('', home)).close();
    const store = await openHandoffStore('', home);
    const { handoff } = await store.queue.open({ conversation: 'c1', user: 'anon:gone', channel: 'cli', reason: 'requested', summary: 's', headline: 'h', context: { shown: [], cart: [] } });
    await store.queue.post({ handoff: handoff.id, role: 'shopper', author: null, text: 'my address is 1 Main St', delivered: true });
    await store.queue.draftTicket({ conversation: 'c2', user: 'anon:gone', channel: 'cli', reason: 'requested', summary: 's' });
    await store.close();
    const forgot = await runCli(['users', 'forget', 'anon:gone', '--json'], env);
    expect(forgot.code).toBe(0);
    expect(JSON.parse(forgot.stdout).deleted.turns).toBe(3);
    const after = await openHandoffStore('', home);
    expect(await after.queue.get(handoff.id)).toBeUndefined();
    expect(await after.queue.draft('c2')).toBeUndefined();
    await after.close();
  });
});
