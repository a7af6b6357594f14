import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AUDIENCES,
  DEMO_SYSTEM_USER_TOKEN,
  demoWorldSeed,
} from '../../../../sandbox/graph/demo-world.ts';
import { graphError, useGraphEmulator } from './harness.ts';

const startGraph = useGraphEmulator();

describe('API versions (reference §8.1)', () => {
  it('serves every listed version on Graph endpoints', async () => {
    const { graph } = await startGraph();
    for (const version of ['v21.0', 'v22.0', 'v23.0', 'v24.0', 'v25.0', 'v26.0']) {
      const answer = await graph('me', { version });
      expect(answer.status, version).toBe(200);
      expect(answer.headers.get('facebook-api-version')).toBe(version);
    }
  });

  it('answers 2635 for a Marketing API version past its end date', async () => {
    const { graph, control } = await startGraph();
    // v23.0's Marketing API ended 2026-06-09; the tests start 2026-09-01.
    const old = await graph(`act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, { version: 'v23.0' });
    expect(graphError(old)).toMatchObject({
      code: 2635,
      message:
        '(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version.',
    });
    expect((await graph(DEMO_AUDIENCES.newsletter, { version: 'v24.0' })).status).toBe(200);
    // v24.0 ends 2026-10-06.
    await control.advanceClock(40 * 86_400);
    expect(graphError(await graph(DEMO_AUDIENCES.newsletter, { version: 'v24.0' })).code).toBe(
      2635,
    );
    expect((await graph('me', { version: 'v24.0' })).status).toBe(200);
  });

  it('refuses a Graph version past its end date instead of upgrading it', async () => {
    const { graph, control } = await startGraph();
    // v21.0 is served until 2027-01-21; the tests start 2026-09-01.
    await control.advanceClock(143 * 86_400);
    const token = DEMO_SYSTEM_USER_TOKEN;
    expect(graphError(await graph('me', { version: 'v21.0', token })).code).toBe(2500);
    expect((await graph('me', { version: 'v22.0', token })).status).toBe(200);
  });

  it('refuses unknown versions and unversioned paths (no silent upgrade)', async () => {
    const { graph, url } = await startGraph();
    for (const version of ['v27.0', 'v20.0', 'v25.5']) {
      expect(graphError(await graph('me', { version })).code, version).toBe(2500);
    }
    const bare = await fetch(`${url}/me`);
    expect(bare.status).toBe(400);
    expect(((await bare.json()) as { error: { code: number } }).error.code).toBe(2500);
  });

  it('answers unknown edges as unknown path components', async () => {
    const { graph } = await startGraph();
    expect(graphError(await graph('me/friends')).code).toBe(2500);
    expect(graphError(await graph('nothing_here')).message).toBe(
      'Unknown path components: /v26.0/nothing_here',
    );
  });
});

describe('errors of the emulator itself', () => {
  it('answers them as Meta’s unknown error (code 1, HTTP 500) and reports them', async () => {
    const seed = demoWorldSeed();
    // A broken seed: an ad account without its task map.
    seed.adAccounts = seed.adAccounts.map((account) => ({ ...account, tasks: undefined as never }));
    const reported: unknown[] = [];
    const { graph } = await startGraph({
      world: seed,
      onUnexpectedError: (error) => reported.push(error),
    });
    const answer = await graph('me/adaccounts');
    expect(answer.status).toBe(500);
    expect(graphError(answer)).toMatchObject({ code: 1, is_transient: true });
    expect(reported).toEqual([expect.any(TypeError)]);
  });
});

describe('request bodies', () => {
  it('refuses a malformed JSON body with a Graph error', async () => {
    const { url } = await startGraph();
    const response = await fetch(`${url}/v26.0/act_${DEMO_AD_ACCOUNT_ID}/customaudiences`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: number } }).error.code).toBe(100);
  });
});
