import { describe, expect, it, vi } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_TOKEN,
} from '../../../../sandbox/graph/demo-world.ts';
import { DAY, MINUTE } from '../../../support/manual-clock.ts';
import { manualTimers } from '../../../support/manual-timers.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

/** Acme, connected through OAuth, using the demo account and the one without terms. */
async function connectedAcme(options: Parameters<typeof startRelay>[0] = {}) {
  const started = await startRelay(options);
  const users = await started.workspaceWithUsers('Acme');
  await started.connectFacebook(users.adminToken);
  const chosen = await started.call('/v1/facebook/connected-ad-accounts', {
    method: 'PUT',
    token: users.adminToken,
    body: { adAccountIds: [DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID] },
  });
  expect(chosen.status).toBe(200);
  /** The Facebook token Acme's user connection holds, as the emulator issued it. */
  const userToken = async () =>
    (await started.relay.facebook.tokens.get(users.workspace.id, 'user'))?.token ?? '';
  /** A fresh admin session, for tests that move the clock past the first one's 15 minutes. */
  const adminSession = () => started.sessionFor(users.adminKey.apiKey);
  return { ...started, ...users, userToken, adminSession };
}

describe('Facebook status', () => {
  it('is there for marketers too, and says when nothing is connected', async () => {
    const { status, workspaceWithUsers, control } = await startRelay();
    const { marketerToken } = await workspaceWithUsers('Acme');
    expect(await status(marketerToken, true)).toEqual({
      mode: 'sandbox',
      connected: false,
      tokenInUse: null,
      user: null,
      systemUser: null,
      adAccounts: [],
      checkError: null,
    });
    expect(await control.requests()).toEqual([]);
  });

  it('shows the Custom Audience terms of each chosen account, with the link to accept them', async () => {
    const { status, marketerToken } = await connectedAcme();
    const { adAccounts } = await status(marketerToken);
    expect(adAccounts).toEqual([
      expect.objectContaining({
        id: `act_${DEMO_AD_ACCOUNT_ID}`,
        customAudienceTos: 'accepted',
        accessible: true,
      }),
      expect.objectContaining({
        id: `act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
        customAudienceTos: 'not_accepted',
        tosUrl: `https://business.facebook.com/ads/manage/customaudiences/tos/?act=${DEMO_NO_TOS_AD_ACCOUNT_ID}`,
      }),
    ]);
  });

  it('sees terms accepted on Facebook once checked again', async () => {
    const { status, adminToken, control, clock } = await connectedAcme();
    await control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    clock.advance(MINUTE);
    // Without asking, the recent check stands; asked, the relay checks again.
    expect((await status(adminToken)).adAccounts[1]?.customAudienceTos).toBe('not_accepted');
    const refreshed = await status(adminToken, true);
    expect(refreshed.adAccounts[1]).toMatchObject({
      customAudienceTos: 'accepted',
      checkedAt: '2026-11-22T12:01:00.000Z',
    });
  });

  it('checks again by itself when the last check is over an hour old', async () => {
    const { status, adminSession, control, clock } = await connectedAcme();
    await control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    clock.advance(61 * MINUTE);
    expect((await status(await adminSession())).adAccounts[1]?.customAudienceTos).toBe('accepted');
  });

  it('flags an account the token can no longer see', async () => {
    const { status, adminToken, control } = await connectedAcme();
    await control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tasks: { '100094271836452': [] } });
    const { adAccounts } = await status(adminToken, true);
    expect(adAccounts[1]).toMatchObject({ accessible: false, customAudienceTos: 'not_accepted' });
    expect(adAccounts[0]).toMatchObject({ accessible: true });
  });

  it('warns when the token has less than seven days left', async () => {
    const { status, adminSession, clock } = await connectedAcme();
    clock.advance(53 * DAY);
    expect((await status(await adminSession(), true)).user).toMatchObject({
      valid: true,
      expiresInDays: 6,
      expiringSoon: true,
    });
  });

  it('reports an expired token as invalid, with the reason', async () => {
    const { status, adminSession, clock } = await connectedAcme();
    clock.advance(61 * DAY);
    const { user } = await status(await adminSession(), true);
    expect(user).toMatchObject({
      valid: false,
      expiresInDays: 0,
      invalidReason: { code: 'facebook_token_expired', at: '2027-01-22T12:00:00.000Z' },
    });
    expect(user?.invalidReason?.message).toContain('Session has expired');
  });
});

describe('a token Facebook stops accepting', () => {
  it('is marked invalid with the reason by the 190 of whatever call meets it', async () => {
    const { call, adminToken, control, userToken, relay, workspace, status } =
      await connectedAcme();
    await control.invalidateToken(await userToken(), 'password_changed');
    const response = await call('/v1/facebook/ad-accounts', { token: adminToken });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error).toMatchObject({
      code: 'facebook_token_password_changed',
      facebook: { code: 190, subcode: 460, errorClass: 'reauthorize' },
    });
    // Recorded by the call itself, before any status check ran.
    const [record] = await relay.services.store.facebookConnections.tokens(workspace.id);
    expect(record?.invalid).toMatchObject({ code: 'facebook_token_password_changed' });
    expect((await status(adminToken)).user).toMatchObject({
      valid: false,
      invalidReason: { code: 'facebook_token_password_changed' },
    });
  });

  it('is not sent to Facebook again once known dead', async () => {
    const { call, adminToken, control, userToken } = await connectedAcme();
    await control.invalidateToken(await userToken(), 'revoked');
    await call('/v1/facebook/ad-accounts', { token: adminToken });
    await control.clearRequests();
    const again = await call('/v1/facebook/ad-accounts', { token: adminToken });
    expect(again.status).toBe(502);
    expect(await errorCode(again)).toBe('facebook_token_invalid');
    expect(await control.requests()).toEqual([]);
  });

  it('is found by the daily re-check, which the relay schedules itself', async () => {
    const clock = manualTimers();
    const { adminToken, control, userToken, status } = await connectedAcme({
      timers: clock.timers,
    });
    // The first armed is the check (the upload sweep comes after it).
    expect(clock.armed()[0]).toBe(MINUTE);
    await control.invalidateToken(await userToken(), 'checkpointed');
    clock.fire();
    await vi.waitFor(async () => {
      expect((await status(adminToken)).user?.invalidReason?.code).toBe(
        'facebook_user_checkpointed',
      );
    });
    await vi.waitFor(() => expect(clock.armed()).toContain(DAY));
  });

  it('leaves the other workspaces and the System User token alone', async () => {
    const { adminToken, control, userToken, status, call, connectFacebook, workspaceWithUsers } =
      await connectedAcme();
    const globex = await workspaceWithUsers('Globex');
    await connectFacebook(globex.adminToken);
    await call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    // Globex's token is a different one: killing Acme's user token leaves it working.
    await control.invalidateToken(await userToken(), 'revoked');
    const acme = await status(adminToken, true);
    expect(acme).toMatchObject({
      tokenInUse: 'system_user',
      user: { valid: false },
      systemUser: { valid: true },
    });
    expect((await call('/v1/facebook/ad-accounts', { token: adminToken })).status).toBe(200);
    expect((await status(globex.adminToken, true)).user?.valid).toBe(true);
  });
});

describe('disconnecting', () => {
  it('deletes both tokens and the chosen accounts', async () => {
    const { call, adminToken, status, relay, workspace } = await connectedAcme();
    await call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    const response = await call('/v1/facebook/connection', {
      method: 'DELETE',
      token: adminToken,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ connected: false, adAccounts: [] });
    for (const name of ['facebook.user_token', 'facebook.system_user_token']) {
      expect(await relay.services.store.secrets.get(workspace.id, name)).toBeUndefined();
    }
    expect(await status(adminToken, true)).toMatchObject({ connected: false, user: null });
    expect(await errorCode(await call('/v1/facebook/ad-accounts', { token: adminToken }))).toBe(
      'facebook_not_connected',
    );
  });
});
