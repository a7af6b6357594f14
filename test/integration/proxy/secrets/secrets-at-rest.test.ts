import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../proxy/cli/run-cli.ts';
import { DEMO_SYSTEM_USER_TOKEN } from '../../../../sandbox/graph/demo-world.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { startTestRelay, stopTestRelays } from '../support/test-relay.ts';

afterEach(stopTestRelays);
const startRelayWithGraph = useRelayWithGraph();

const FACEBOOK_TOKEN = 'EAAGm0PX4ZCpsBAPlaintextFacebookTokenThatMustNeverBeOnDisk';
const BRAZE_KEY = 'braze-rest-key-9f8e7d6c-5b4a-4321-8765-0123456789ab';

/** Every byte the relay wrote to its data directory (database, WAL, secret file). */
function dataDirBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n');
}

async function cli(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('secrets at rest', () => {
  it('leaves no readable token or key anywhere in the data directory', async () => {
    const { relay, dataDir, workspaceWithUsers } = await startTestRelay();
    const { workspace, adminKey } = await workspaceWithUsers('Acme');
    await relay.services.secrets.put(workspace.id, 'facebook.user_token', FACEBOOK_TOKEN);
    await relay.services.secrets.put(workspace.id, 'braze.rest_key', BRAZE_KEY);
    expect(await relay.services.secrets.get(workspace.id, 'facebook.user_token')).toBe(
      FACEBOOK_TOKEN,
    );
    const whileRunning = dataDirBytes(dataDir);
    await relay.close();
    for (const bytes of [whileRunning, dataDirBytes(dataDir)]) {
      expect(bytes).toContain('facebook.user_token');
      for (const secret of [
        FACEBOOK_TOKEN,
        'PlaintextFacebookToken',
        BRAZE_KEY,
        adminKey.apiKey.slice(25),
      ]) {
        expect(bytes).not.toContain(secret);
      }
    }
  });

  it("keeps each workspace's secrets to itself", async () => {
    const { relay, admin } = await startTestRelay();
    const acme = (await admin.createWorkspace('Acme')).workspace;
    const globex = (await admin.createWorkspace('Globex')).workspace;
    await relay.services.secrets.put(acme.id, 'facebook.user_token', FACEBOOK_TOKEN);
    expect(await relay.services.secrets.get(globex.id, 'facebook.user_token')).toBeUndefined();
    expect(await relay.services.secrets.delete(globex.id, 'facebook.user_token')).toBe(false);
    expect(await relay.services.secrets.get(acme.id, 'facebook.user_token')).toBe(FACEBOOK_TOKEN);
  });
});

describe('Facebook tokens at rest', () => {
  it('are nowhere readable in the data directory or the logs once connected', async () => {
    const relay = await startRelayWithGraph();
    const { adminToken } = await relay.workspaceWithUsers('Acme');
    await relay.connectFacebook(adminToken);
    await relay.call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    expect((await relay.status(adminToken)).tokenInUse).toBe('system_user');
    // Every token the emulator ever issued: the code's, the long-lived one, the seeded ones.
    const issued = [...relay.world.tokens.keys()];
    expect(issued.length).toBeGreaterThanOrEqual(4);
    const whileRunning = dataDirBytes(relay.dataDir);
    await relay.relay.close();
    const logs = relay.logLines.join('\n');
    expect(logs).toContain('/v1/facebook/oauth/complete');
    for (const bytes of [whileRunning, dataDirBytes(relay.dataDir), logs]) {
      for (const token of issued) expect(bytes).not.toContain(token.slice(8, 40));
    }
    expect(whileRunning).toContain('facebook.system_user_token');
  });
});

describe('npm run relay -- rotate-key', () => {
  it('re-encrypts every secret under a new key id while the relay runs', async () => {
    const { relay, admin, config } = await startTestRelay();
    const env = { RELAY_DATA_DIR: config.dataDir };
    const { workspace } = await admin.createWorkspace('Acme');
    const { store, secrets } = relay.services;
    await secrets.put(workspace.id, 'facebook.user_token', FACEBOOK_TOKEN);
    await secrets.put(workspace.id, 'braze.rest_key', BRAZE_KEY);
    const before = await store.secrets.get(workspace.id, 'braze.rest_key');

    const rotation = await cli(env, 'rotate-key');
    expect(rotation).toMatchObject({ code: 0, err: '' });
    expect(rotation.out).toContain('Re-encrypted 2 secret(s)');

    const after = await store.secrets.get(workspace.id, 'braze.rest_key');
    expect(after?.kid).not.toBe(before?.kid);
    expect(decodeProtectedHeader(after?.ciphertext ?? '').kid).toBe(after?.kid);
    expect(rotation.out).toContain(`Retired key(s): ${before?.kid}.`);
    expect(await secrets.get(workspace.id, 'braze.rest_key')).toBe(BRAZE_KEY);
    // The running relay writes under the new key straight away.
    await secrets.put(workspace.id, 'facebook.user_token', 'EAAnewer');
    expect((await store.secrets.get(workspace.id, 'facebook.user_token'))?.kid).toBe(after?.kid);
  });

  it('moves secrets to a new relay secret when given the previous one', async () => {
    const oldSecret = 'o'.repeat(40);
    const newSecret = 'n'.repeat(40);
    const first = await startTestRelay({ env: { RELAY_SECRET: oldSecret } });
    const { workspace } = await first.admin.createWorkspace('Acme');
    await first.relay.services.secrets.put(workspace.id, 'facebook.user_token', FACEBOOK_TOKEN);
    await first.relay.close();
    const dataDir = first.dataDir;

    const lost = await cli({ RELAY_DATA_DIR: dataDir, RELAY_SECRET: newSecret }, 'rotate-key');
    expect(lost.code).toBe(1);
    expect(lost.err).toContain(`${workspace.id}/facebook.user_token`);
    expect(lost.err).toContain('RELAY_PREVIOUS_SECRET');

    const moved = await cli(
      { RELAY_DATA_DIR: dataDir, RELAY_SECRET: newSecret, RELAY_PREVIOUS_SECRET: oldSecret },
      'rotate-key',
    );
    expect(moved.code).toBe(0);
    const second = await startTestRelay({
      env: { RELAY_DATA_DIR: dataDir, RELAY_SECRET: newSecret },
    });
    expect(await second.relay.services.secrets.get(workspace.id, 'facebook.user_token')).toBe(
      FACEBOOK_TOKEN,
    );
    expect(second.logLines.join('\n')).not.toContain('cannot be decrypted');
  });

  it('can give up secrets whose relay secret is lost, when told to', async () => {
    const first = await startTestRelay({ env: { RELAY_SECRET: 'o'.repeat(40) } });
    const { workspace } = await first.admin.createWorkspace('Acme');
    await first.relay.services.secrets.put(workspace.id, 'facebook.user_token', FACEBOOK_TOKEN);
    await first.relay.close();
    const env = { RELAY_DATA_DIR: first.dataDir, RELAY_SECRET: 'n'.repeat(40) };

    const restarted = await startTestRelay({ env });
    expect(restarted.logLines.join('\n')).toContain('cannot be decrypted');
    await restarted.relay.close();

    const forgot = await cli(env, 'rotate-key', '--forget-unreadable');
    expect(forgot.code).toBe(0);
    expect(forgot.out).toContain(`Deleted unreadable secret ${workspace.id}/facebook.user_token`);
    const after = await startTestRelay({ env });
    expect(
      await after.relay.services.secrets.get(workspace.id, 'facebook.user_token'),
    ).toBeUndefined();
    expect(after.logLines.join('\n')).not.toContain('cannot be decrypted');
  });
});
