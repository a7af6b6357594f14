import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../../proxy/auth/authenticator.ts';
import { runCli, USAGE } from '../../../../proxy/cli/run-cli.ts';
import { openRelayServices } from '../../../../proxy/relay-services.ts';
import { DAY, manualClock } from '../../../support/manual-clock.ts';
import { removeTempDirs, tempDir } from '../../../support/temp-dirs.ts';

afterEach(removeTempDirs);

function cliIn(dataDir = join(tempDir(), 'data'), clock = manualClock()) {
  const env = { RELAY_DATA_DIR: dataDir };
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      env,
      now: clock.now,
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  /** Checks a printed key against the relay itself, the way POST /v1/session would. */
  const sessionFor = async (apiKey: string) => {
    const services = openRelayServices({ dataDir }, { now: clock.now });
    try {
      const authenticator = createAuthenticator({ ...services, now: clock.now });
      return await authenticator.startSession(apiKey);
    } finally {
      await services.close();
    }
  };
  return { run, sessionFor, clock, dataDir };
}

const printedKey = (text: string) => /ar_live_\S+/.exec(text)?.[0] ?? '';
const printedId = (text: string, prefix: string) =>
  new RegExp(`${prefix}[0-9a-f]+`).exec(text)?.[0] ?? '';

describe('npm run relay -- workspace', () => {
  it('creates a workspace and prints a working admin key once', async () => {
    const { run, sessionFor } = cliIn();
    const created = await run('workspace', 'create', 'Acme', 'Corp');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created workspace "Acme Corp" \(ws_[0-9a-f]+\)/);
    const session = await sessionFor(printedKey(created.out));
    expect(session).toMatchObject({ workspace: { name: 'Acme Corp' }, key: { role: 'admin' } });
    const listed = await run('workspace', 'list');
    expect(listed.out).toContain('Acme Corp');
    expect(listed.out).toMatch(/ACTIVE KEYS\n.*\s1$/);
    expect(listed.out).not.toContain('ar_live_');
  });

  it('refuses a duplicate name and a missing one', async () => {
    const { run } = cliIn();
    await run('workspace', 'create', 'Acme');
    expect(await run('workspace', 'create', 'ACME')).toMatchObject({
      code: 1,
      err: 'A workspace named "ACME" already exists.',
    });
    expect((await run('workspace', 'create')).code).toBe(2);
  });

  it('says how to start when there are no workspaces', async () => {
    const { run } = cliIn();
    expect((await run('workspace', 'list')).out).toContain('workspace create <name>');
  });
});

describe('npm run relay -- key', () => {
  it('creates, lists and revokes keys', async () => {
    const { run, sessionFor, clock } = cliIn();
    const workspaceId = printedId((await run('workspace', 'create', 'Acme')).out, 'ws_');
    const created = await run(
      'key',
      'create',
      '--workspace',
      workspaceId,
      '--role',
      'marketer',
      '--label',
      'Dana',
      '--expires-in-days',
      '30',
    );
    expect(created.code).toBe(0);
    const apiKey = printedKey(created.out);
    const session = await sessionFor(apiKey);
    expect(session.key).toMatchObject({ role: 'marketer', label: 'Dana' });
    expect(session.key.expiresAt).toEqual(new Date(clock.now().getTime() + 30 * DAY));

    const listed = await run('key', 'list', '--workspace', workspaceId);
    expect(listed.out).toMatch(
      new RegExp(`${session.key.id}\\s+${workspaceId}\\s+marketer\\s+active\\s+Dana`),
    );
    expect(listed.out).not.toContain(apiKey);

    const revoked = await run('key', 'revoke', session.key.id);
    expect(revoked).toMatchObject({ code: 0 });
    expect((await run('key', 'list')).out).toMatch(new RegExp(`${session.key.id}.*revoked`));
    await expect(sessionFor(apiKey)).rejects.toMatchObject({ code: 'api_key_revoked' });
  });

  it('explains what is wrong with a bad invocation', async () => {
    const { run } = cliIn();
    const workspaceId = printedId((await run('workspace', 'create', 'Acme')).out, 'ws_');
    const cases: [string[], number, RegExp][] = [
      [['key', 'create', '--role', 'admin'], 2, /needs --workspace/],
      [
        ['key', 'create', '--workspace', workspaceId, '--role', 'owner'],
        2,
        /--role admin\|marketer/,
      ],
      [
        [
          'key',
          'create',
          '--workspace',
          workspaceId,
          '--role',
          'admin',
          '--expires-in-days',
          'soon',
        ],
        2,
        /whole number/,
      ],
      [['key', 'create', '--workspace', 'ws_nope', '--role', 'admin'], 1, /No workspace ws_nope/],
      [['key', 'revoke', 'nope'], 1, /No key nope/],
      [['key', 'list', '--workspace', 'ws_nope'], 1, /No workspace ws_nope/],
      [['key', 'list', '--colour'], 2, /Unknown option/],
      [['key', 'frob'], 2, /Unknown command: key frob/],
      [[], 2, /No command given/],
    ];
    for (const [argv, code, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.err, argv.join(' ')).toMatch(message);
    }
  });
});

describe('npm run relay', () => {
  it('prints its usage on help', async () => {
    const { run } = cliIn();
    expect(await run('help')).toEqual({ code: 0, out: USAGE, err: '' });
  });

  it('reports a bad environment with exit code 78', async () => {
    const out: string[] = [];
    const code = await runCli(['workspace', 'list'], {
      env: { RELAY_PORT: 'eighty' },
      out: () => {},
      err: (line) => out.push(line),
    });
    expect(code).toBe(78);
    expect(out.join('\n')).toContain('RELAY_PORT');
  });

  it('rotates the secrets key', async () => {
    const { run } = cliIn();
    const first = await run('rotate-key');
    const second = await run('rotate-key');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(second.out).toContain(`Retired key(s): ${printedId(first.out, 'k_')}.`);
  });
});
