import { describe, expect, it } from 'vitest';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_AGENCY_AD_ACCOUNT_ID,
  DEMO_BUSINESS_ID,
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import type { AvailableAdAccount } from '../../../../shared/relay-api/facebook.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

async function connectedAcme() {
  const started = await startRelay();
  const users = await started.workspaceWithUsers('Acme');
  await started.connectFacebook(users.adminToken);
  const available = async (token = users.adminToken) => {
    const response = await started.call('/v1/facebook/ad-accounts', { token });
    expect(response.status).toBe(200);
    return (await response.json()) as { tokenInUse: string; adAccounts: AvailableAdAccount[] };
  };
  const choose = (adAccountIds: string[], token = users.adminToken) =>
    started.call('/v1/facebook/connected-ad-accounts', {
      method: 'PUT',
      token,
      body: { adAccountIds },
    });
  const connected = async (token = users.adminToken) =>
    (await (await started.call('/v1/facebook/connected-ad-accounts', { token })).json()).adAccounts;
  return { ...started, ...users, available, choose, connected };
}

describe('ad accounts', () => {
  it('lists what the token sees, with status, business, tasks and terms', async () => {
    const { available } = await connectedAcme();
    const { tokenInUse, adAccounts } = await available();
    expect(tokenInUse).toBe('user');
    const byId = Object.fromEntries(adAccounts.map((account) => [account.accountId, account]));
    expect(Object.keys(byId).sort()).toEqual(
      [DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID, DEMO_AGENCY_AD_ACCOUNT_ID].sort(),
    );
    expect(byId[DEMO_AD_ACCOUNT_ID]).toEqual({
      id: `act_${DEMO_AD_ACCOUNT_ID}`,
      accountId: DEMO_AD_ACCOUNT_ID,
      name: 'Northwind US',
      business: { id: DEMO_BUSINESS_ID, name: 'Northwind Outfitters' },
      accountStatus: 1,
      accountStatusName: 'ACTIVE',
      active: true,
      userTasks: ['MANAGE', 'ADVERTISE', 'ANALYZE'],
      canManageAudiences: true,
      customAudienceTos: 'accepted',
      tosUrl: `https://business.facebook.com/ads/manage/customaudiences/tos/?act=${DEMO_AD_ACCOUNT_ID}`,
      connected: false,
    });
    expect(byId[DEMO_NO_TOS_AD_ACCOUNT_ID]?.customAudienceTos).toBe('not_accepted');
    expect(byId[DEMO_AGENCY_AD_ACCOUNT_ID]).toMatchObject({
      business: { name: 'Bluebird Agency' },
      userTasks: ['ADVERTISE', 'ANALYZE'],
    });
  });

  it('follows every page of a long list', async () => {
    const { available, control } = await connectedAcme();
    await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        control.createAdAccount({
          id: String(5_000_000_000 + i),
          name: `Store ${i}`,
          tasks: { [DEMO_USER_ID]: ['ADVERTISE'] },
        }),
      ),
    );
    await control.clearRequests();
    const { adAccounts } = await available();
    expect(adAccounts).toHaveLength(123);
    expect(new Set(adAccounts.map((account) => account.id)).size).toBe(123);
    const pages = await control.requests({ path: '/adaccounts$' });
    expect(pages).toHaveLength(2);
    expect(pages[1]?.query.after).toBeTruthy();
  });

  it('connects the chosen accounts, in the chosen order, and marks them in the list', async () => {
    const { choose, connected, available, marketerToken } = await connectedAcme();
    const response = await choose([`act_${DEMO_NO_TOS_AD_ACCOUNT_ID}`, DEMO_AD_ACCOUNT_ID]);
    expect(response.status).toBe(200);
    const chosen = (await response.json()).adAccounts;
    expect(chosen.map((account: { accountId: string }) => account.accountId)).toEqual([
      DEMO_NO_TOS_AD_ACCOUNT_ID,
      DEMO_AD_ACCOUNT_ID,
    ]);
    expect(chosen[0]).toMatchObject({
      name: 'Northwind EU',
      customAudienceTos: 'not_accepted',
      accessible: true,
      connectedAt: '2026-11-22T12:00:00.000Z',
    });
    // Marketers see the choice; only admins make it (the role tests cover the 403).
    expect(await connected(marketerToken)).toEqual(chosen);
    const listed = (await available(marketerToken)).adAccounts;
    expect(
      listed.filter((account) => account.connected).map((account) => account.accountId),
    ).toEqual([DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID]);
  });

  it('refuses an account the token cannot see, and changes nothing', async () => {
    const { choose, connected, control } = await connectedAcme();
    await choose([DEMO_AD_ACCOUNT_ID]);
    const hidden = await control.createAdAccount({ name: 'Not Dana’s', tasks: {} });
    const response = await choose([DEMO_AD_ACCOUNT_ID, hidden.id, '999']);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toMatchObject({
      code: 'facebook_ad_account_not_visible',
      adAccountId: hidden.id,
      adAccountIds: [hidden.id, '999'],
    });
    expect(body.error.message).toContain(`act_${hidden.id}`);
    expect((await connected()).map((account: { accountId: string }) => account.accountId)).toEqual([
      DEMO_AD_ACCOUNT_ID,
    ]);
  });

  it('refuses malformed ids', async () => {
    const { choose } = await connectedAcme();
    const response = await choose(['act_abc']);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('validation_failed');
  });

  it('can be emptied, and keeps when each account was first chosen', async () => {
    const { choose, connected, clock } = await connectedAcme();
    await choose([DEMO_AD_ACCOUNT_ID]);
    clock.advance(60_000);
    const again = await (await choose([DEMO_NO_TOS_AD_ACCOUNT_ID, DEMO_AD_ACCOUNT_ID])).json();
    expect(again.adAccounts[1].connectedAt).toBe('2026-11-22T12:00:00.000Z');
    expect(again.adAccounts[0].connectedAt).toBe('2026-11-22T12:01:00.000Z');
    expect((await choose([])).status).toBe(200);
    expect(await connected()).toEqual([]);
  });

  it('needs a Facebook connection first', async () => {
    const { call, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const list = await call('/v1/facebook/ad-accounts', { token: adminToken });
    expect(list.status).toBe(409);
    expect(await errorCode(list)).toBe('facebook_not_connected');
    const choose = await call('/v1/facebook/connected-ad-accounts', {
      method: 'PUT',
      token: adminToken,
      body: { adAccountIds: [DEMO_AD_ACCOUNT_ID] },
    });
    expect(await errorCode(choose)).toBe('facebook_not_connected');
  });
});
