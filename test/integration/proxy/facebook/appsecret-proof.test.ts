import { describe, expect, it } from 'vitest';
import { checkProof } from '../../../../sandbox/graph/appsecret-proof.ts';
import {
  DEMO_AD_ACCOUNT_ID,
  DEMO_APP_ID,
  DEMO_APP_SECRET,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

describe('appsecret_proof', () => {
  it('signs every call the relay makes with a token, correctly and time-stamped', async () => {
    const relay = await startRelay();
    const { adminToken } = await relay.workspaceWithUsers('Acme');
    await Promise.all(
      Array.from({ length: 101 }, (_, i) =>
        relay.control.createAdAccount({
          name: `Store ${i}`,
          tasks: { [DEMO_USER_ID]: ['ADVERTISE'] },
        }),
      ),
    );
    // Everything the relay does with Facebook, once.
    await relay.connectFacebook(adminToken);
    await relay.call('/v1/facebook/ad-accounts', { token: adminToken });
    const put = (adAccountIds: string[]) =>
      relay.call('/v1/facebook/connected-ad-accounts', {
        method: 'PUT',
        token: adminToken,
        body: { adAccountIds },
      });
    await put([DEMO_AD_ACCOUNT_ID]);
    await relay.status(adminToken, true);
    await relay.call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    await relay.status(adminToken, true);
    await relay.relay.facebook.health.checkAll();

    const requests = (await relay.control.requests()).filter(
      // The dialog is the browser's doing, not the relay's.
      (request) => !request.path.includes('/dialog/'),
    );
    const signed = requests.filter((request) => request.accessToken !== undefined);
    expect(signed.length).toBeGreaterThan(10);
    expect(signed.some((request) => request.query.after)).toBe(true);
    const nowSeconds = relay.world.nowSeconds();
    for (const request of signed) {
      const where = `${request.method} ${request.path}`;
      expect(request.appsecretTime, where).toMatch(/^\d+$/);
      expect(
        checkProof(
          DEMO_APP_SECRET,
          request.accessToken ?? '',
          request.appsecretProof,
          request.appsecretTime,
          nowSeconds,
        ),
        where,
      ).toBe('ok');
      expect(request.status, where).toBeLessThan(400);
    }
    // Only the code exchanges go without a token: they authenticate with the app secret.
    const unsigned = requests.filter((request) => request.accessToken === undefined);
    expect(unsigned.map((request) => request.path)).toEqual([
      '/v26.0/oauth/access_token',
      '/v26.0/oauth/access_token',
    ]);
  });

  it("names the relay's app secret when Facebook refuses it", async () => {
    const relay = await startRelay({
      env: { FACEBOOK_APP_ID: DEMO_APP_ID, FACEBOOK_APP_SECRET: 'not-the-demo-app-secret' },
    });
    const { adminToken } = await relay.workspaceWithUsers('Acme');
    // The System User token is inspected with the app token APP_ID|APP_SECRET…
    const pasted = await relay.call('/v1/facebook/system-user-token', {
      method: 'PUT',
      token: adminToken,
      body: { token: DEMO_SYSTEM_USER_TOKEN },
    });
    expect(await errorCode(pasted)).toBe('facebook_app_secret_mismatch');
    // …and the OAuth code is exchanged with client_secret.
    const { dialogUrl } = await relay.dialogFor(adminToken);
    const completed = await relay.completeOAuth(adminToken, {
      url: await relay.consent(dialogUrl),
    });
    expect(await errorCode(completed)).toBe('facebook_app_secret_mismatch');
    expect((await relay.status(adminToken)).connected).toBe(false);
  });
});
