import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

/** Acme connected with a chosen account; Globex on the same relay, connected to nothing. */
async function acmeAndGlobex() {
  const relay = await startRelay();
  const acme = await relay.workspaceWithUsers('Acme');
  const globex = await relay.workspaceWithUsers('Globex');
  await relay.connectFacebook(acme.adminToken);
  await relay.call('/v1/facebook/connected-ad-accounts', {
    method: 'PUT',
    token: acme.adminToken,
    body: { adAccountIds: [DEMO_AD_ACCOUNT_ID] },
  });
  return { ...relay, acme, globex };
}

describe('Facebook connections belong to their workspace', () => {
  it("shows another workspace nothing of Acme's connection", async () => {
    const { call, status, acme, globex } = await acmeAndGlobex();
    expect(await status(globex.adminToken, true)).toMatchObject({
      connected: false,
      adAccounts: [],
    });
    const list = await call('/v1/facebook/ad-accounts', { token: globex.marketerToken });
    expect(await errorCode(list)).toBe('facebook_not_connected');
    const chosen = await call('/v1/facebook/connected-ad-accounts', { token: globex.adminToken });
    expect((await chosen.json()).adAccounts).toEqual([]);
    expect((await status(acme.marketerToken)).connected).toBe(true);
  });

  it("cannot complete Acme's sign-in, and leaves it usable by Acme", async () => {
    const { dialogFor, consent, completeOAuth, status, acme, globex } = await acmeAndGlobex();
    const url = await consent((await dialogFor(acme.adminToken)).dialogUrl);
    const stolen = await completeOAuth(globex.adminToken, { url });
    expect(stolen.status).toBe(400);
    expect(await errorCode(stolen)).toBe('oauth_state_invalid');
    expect((await status(globex.adminToken)).connected).toBe(false);
    expect((await completeOAuth(acme.adminToken, { url })).status).toBe(200);
  });

  it("changes nothing of Acme's when Globex chooses, disconnects or adds a System User", async () => {
    const { call, status, acme, globex, connectFacebook } = await acmeAndGlobex();
    const before = await status(acme.adminToken);
    const putGlobex = await call('/v1/facebook/connected-ad-accounts', {
      method: 'PUT',
      token: globex.adminToken,
      body: { adAccountIds: [] },
    });
    expect(await errorCode(putGlobex)).toBe('facebook_not_connected');
    await connectFacebook(globex.adminToken);
    await call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: globex.adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    await call('/v1/facebook/connected-ad-accounts', {
      method: 'PUT',
      token: globex.adminToken,
      body: { adAccountIds: [] },
    });
    expect((await status(acme.adminToken)).tokenInUse).toBe('user');
    await call('/v1/facebook/connection', { method: 'DELETE', token: globex.adminToken });
    expect(await status(acme.adminToken)).toEqual(before);
  });
});
