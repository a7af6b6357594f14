import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_ID,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
  DEMO_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

async function acme() {
  const started = await startRelay();
  const users = await started.workspaceWithUsers('Acme');
  const paste = (token: string, as = users.adminToken) =>
    started.call('/v1/facebook/system-user-token', { method: 'PUT', token: as, body: { token } });
  return { ...started, ...users, paste };
}

describe('System User token', () => {
  it('is checked, stored, and answered with the accounts it can see', async () => {
    const { paste, control } = await acme();
    const response = await paste(DEMO_SYSTEM_USER_TOKEN);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.systemUser).toMatchObject({
      kind: 'system_user',
      facebookUser: { id: DEMO_SYSTEM_USER_ID, name: 'Audience Relay System User' },
      type: 'SYSTEM_USER',
      valid: true,
      expiresAt: null,
      expiringSoon: false,
    });
    expect(body.adAccounts.map((account: { accountId: string }) => account.accountId)).toEqual([
      DEMO_AD_ACCOUNT_ID,
      DEMO_NO_TOS_AD_ACCOUNT_ID,
    ]);
    const inspected = await control.requests({ path: '/debug_token$' });
    expect(inspected.map((request) => request.query.input_token)).toEqual([DEMO_SYSTEM_USER_TOKEN]);
  });

  it('is used for every Graph call instead of the user token while present', async () => {
    const { paste, connectFacebook, adminToken, call, control, status } = await acme();
    await connectFacebook(adminToken);
    await paste(DEMO_SYSTEM_USER_TOKEN);
    expect(await status(adminToken)).toMatchObject({
      tokenInUse: 'system_user',
      user: { facebookUser: { id: DEMO_USER_ID } },
      systemUser: { facebookUser: { id: DEMO_SYSTEM_USER_ID } },
    });
    await control.clearRequests();
    const listed = await (await call('/v1/facebook/ad-accounts', { token: adminToken })).json();
    expect(listed.tokenInUse).toBe('system_user');
    const used = await control.requests({ path: '/adaccounts$' });
    expect(used.map((request) => request.accessToken)).toEqual([DEMO_SYSTEM_USER_TOKEN]);
    // It does not ask for user_tos_accepted, which system users cannot have.
    expect(used[0]?.query.fields).not.toContain('user_tos_accepted');
  });

  it('falls back to the user token once removed', async () => {
    const { paste, connectFacebook, adminToken, call, control, status } = await acme();
    await connectFacebook(adminToken);
    await paste(DEMO_SYSTEM_USER_TOKEN);
    const removed = await call('/v1/facebook/system-user-token', {
      method: 'DELETE',
      token: adminToken,
    });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ tokenInUse: 'user', systemUser: null });
    await control.clearRequests();
    await call('/v1/facebook/ad-accounts', { token: adminToken });
    const [used] = await control.requests({ path: '/adaccounts$' });
    expect(used?.accessToken).not.toBe(DEMO_SYSTEM_USER_TOKEN);
    expect(used?.accessToken).not.toBe(DEMO_USER_TOKEN);
    expect((await status(adminToken)).tokenInUse).toBe('user');
  });

  it('works without any user token, and removing it leaves the workspace unconnected', async () => {
    const { paste, adminToken, call, status } = await acme();
    await paste(DEMO_SYSTEM_USER_TOKEN);
    expect(await status(adminToken)).toMatchObject({ connected: true, user: null });
    await call('/v1/facebook/system-user-token', { method: 'DELETE', token: adminToken });
    expect(await status(adminToken)).toMatchObject({ connected: false, tokenInUse: null });
  });

  it('refuses a token that is not valid', async () => {
    const { paste, control, status, adminToken } = await acme();
    const garbage = await paste('EAAnotARealTokenAtAll0000000000000');
    expect(garbage.status).toBe(502);
    expect(await errorCode(garbage)).toBe('facebook_reauthorize');
    const issued = await control.issueToken({ personId: DEMO_SYSTEM_USER_ID });
    await control.invalidateToken(issued.token, 'revoked');
    expect(await errorCode(await paste(issued.token))).toBe('facebook_token_invalid');
    expect((await status(adminToken)).connected).toBe(false);
  });

  it("refuses another app's token", async () => {
    const { paste, control } = await acme();
    const other = await control.createApp({ name: 'Someone else’s app' });
    const issued = await control.issueToken({ personId: DEMO_SYSTEM_USER_ID, appId: other.id });
    const response = await paste(issued.token);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('facebook_token_wrong_app');
  });

  it('refuses a token without ads_management', async () => {
    const { paste, control } = await acme();
    const issued = await control.issueToken({
      personId: DEMO_SYSTEM_USER_ID,
      scopes: ['ads_read', 'business_management'],
    });
    const response = await paste(issued.token);
    expect(await errorCode(response)).toBe('facebook_ads_management_missing');
  });

  it('refuses a blank or short paste before asking Facebook', async () => {
    const { paste, control } = await acme();
    await control.clearRequests();
    expect(await errorCode(await paste('   '))).toBe('validation_failed');
    expect(await control.requests()).toEqual([]);
  });
});
