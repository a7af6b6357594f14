import { describe, expect, it } from 'vitest';
import {
  DEMO_APP_ID,
  DEMO_APP_SECRET,
  DEMO_REDIRECT_URI,
  DEMO_USER_ID,
} from '../../../../sandbox/graph/demo-world.ts';
import { DAY, MINUTE } from '../../../support/manual-clock.ts';
import { useRelayWithGraph } from '../support/relay-with-graph.ts';
import { errorCode } from '../support/test-relay.ts';

const startRelay = useRelayWithGraph();

/** A valid extension redirect URL the demo app does not list. */
const OTHER_REDIRECT = `https://${'b'.repeat(32)}.chromiumapp.org/`;

describe('connecting Facebook through the OAuth dialog', () => {
  it('returns a dialog URL with the app, redirect, scopes, code flow and a state', async () => {
    const { dialogFor, workspaceWithUsers, graph } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const { dialogUrl, state, expiresAt } = await dialogFor(adminToken);
    const url = new URL(dialogUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${graph.url}/v26.0/dialog/oauth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: DEMO_APP_ID,
      redirect_uri: DEMO_REDIRECT_URI,
      state,
      response_type: 'code',
      scope: 'ads_management,business_management',
    });
    expect(dialogUrl).not.toContain(DEMO_APP_SECRET);
    expect(expiresAt).toBe('2026-11-22T12:10:00.000Z');
  });

  it('trades the code for a long-lived token, inspects it and reports the connection', async () => {
    const { connectFacebook, workspaceWithUsers, control } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const status = await connectFacebook(adminToken);
    expect(status).toMatchObject({
      mode: 'sandbox',
      connected: true,
      tokenInUse: 'user',
      systemUser: null,
      checkError: null,
      user: {
        kind: 'user',
        facebookUser: { id: DEMO_USER_ID, name: 'Dana Demo' },
        type: 'USER',
        valid: true,
        invalidReason: null,
        expiringSoon: false,
        // The long-lived token: 5,183,944 s, not the code's two hours.
        expiresAt: new Date(Date.parse('2026-11-22T12:00:00Z') + 5_183_944_000).toISOString(),
        expiresInDays: 59,
      },
    });
    expect(status.user?.scopes).toEqual(
      expect.arrayContaining(['ads_management', 'business_management']),
    );
    const exchanges = await control.requests({ path: '/oauth/access_token$' });
    expect(exchanges.map((request) => request.query.grant_type ?? 'code')).toEqual([
      'code',
      'fb_exchange_token',
    ]);
    expect(exchanges[0]?.query).toMatchObject({
      client_id: DEMO_APP_ID,
      redirect_uri: DEMO_REDIRECT_URI,
    });
    const inspected = await control.requests({ path: '/debug_token$' });
    expect(inspected).toHaveLength(1);
    expect(inspected[0]?.accessToken).toBe(`${DEMO_APP_ID}|${DEMO_APP_SECRET}`);
  });

  it('also takes the code and state instead of the whole URL', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const { dialogUrl, state } = await dialogFor(adminToken);
    const code = new URL(await consent(dialogUrl)).searchParams.get('code') ?? '';
    const response = await completeOAuth(adminToken, { code, state });
    expect(response.status).toBe(200);
    expect((await response.json()).connected).toBe(true);
  });

  it('says so clearly when the person cancels, and connects nothing', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers, status } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const { dialogUrl } = await dialogFor(adminToken);
    const url = await consent(dialogUrl, 'cancel');
    expect(new URL(url).searchParams.get('error')).toBe('access_denied');
    const response = await completeOAuth(adminToken, { url });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('facebook_consent_denied');
    expect((await status(adminToken)).connected).toBe(false);
  });

  it('refuses the same answer twice (the state is single-use)', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const url = await consent((await dialogFor(adminToken)).dialogUrl);
    expect((await completeOAuth(adminToken, { url })).status).toBe(200);
    const again = await completeOAuth(adminToken, { url });
    expect(again.status).toBe(409);
    expect(await errorCode(again)).toBe('oauth_state_used');
  });

  it('refuses a code that was already exchanged, even with a fresh state', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const url = await consent((await dialogFor(adminToken)).dialogUrl);
    expect((await completeOAuth(adminToken, { url })).status).toBe(200);
    const code = new URL(url).searchParams.get('code') ?? '';
    const { state } = await dialogFor(adminToken);
    const reused = await completeOAuth(adminToken, { code, state });
    expect(reused.status).toBe(409);
    const body = await reused.json();
    expect(body.error).toMatchObject({
      code: 'facebook_oauth_code_used',
      facebook: { code: 100, subcode: 36009, errorClass: 'reauthorize' },
    });
  });

  it('refuses a forged or unknown state', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const url = new URL(await consent((await dialogFor(adminToken)).dialogUrl));
    const state = url.searchParams.get('state') ?? '';
    for (const forged of [`${state.slice(0, -2)}xx`, 'csrf-123', '']) {
      url.searchParams.set('state', forged);
      const response = await completeOAuth(adminToken, { url: url.toString() });
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe('oauth_state_invalid');
    }
    url.searchParams.delete('state');
    expect(await errorCode(await completeOAuth(adminToken, { url: url.toString() }))).toBe(
      'oauth_state_invalid',
    );
  });

  it('refuses a state older than ten minutes', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers, clock } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const url = await consent((await dialogFor(adminToken)).dialogUrl);
    clock.advance(10 * MINUTE + 1000);
    const response = await completeOAuth(adminToken, { url });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('oauth_state_expired');
  });

  it('refuses a redirect URL that is not an extension identity URL', async () => {
    const { startOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    for (const redirectUrl of ['https://evil.example/', 'http://localhost/cb', 'not a url']) {
      const response = await startOAuth(adminToken, redirectUrl);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.fields[0].path).toBe('redirectUrl');
    }
  });

  it('refuses an answer that came back to another redirect URL than the state’s', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const answer = new URL(await consent((await dialogFor(adminToken)).dialogUrl));
    const elsewhere = new URL(OTHER_REDIRECT);
    elsewhere.search = answer.search;
    const response = await completeOAuth(adminToken, { url: elsewhere.toString() });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('oauth_redirect_mismatch');
  });

  it("explains Facebook's refusal of a redirect URI the app does not list", async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    // The dialog itself refuses to redirect there…
    const { dialogUrl, state } = await dialogFor(adminToken, OTHER_REDIRECT);
    await expect(consent(dialogUrl)).rejects.toThrow('URL Blocked');
    // …and a code obtained for the listed URI is refused for this one at the exchange.
    const code =
      new URL(await consent((await dialogFor(adminToken)).dialogUrl)).searchParams.get('code') ??
      '';
    const response = await completeOAuth(adminToken, { code, state });
    expect(await errorCode(response)).toBe('facebook_oauth_redirect_mismatch');
  });

  it('refuses a grant without ads_management, and stores nothing', async () => {
    const { dialogFor, consent, completeOAuth, workspaceWithUsers, status } = await startRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const url = await consent((await dialogFor(adminToken)).dialogUrl, 'continue', {
      scope: 'business_management',
    });
    const response = await completeOAuth(adminToken, { url });
    const body = await response.json();
    expect(body.error.code).toBe('facebook_ads_management_missing');
    expect(body.error.message).toContain('business_management');
    expect((await status(adminToken)).connected).toBe(false);
  });

  it('replaces the user token when an admin connects again', async () => {
    const { connectFacebook, workspaceWithUsers, clock, relay, sessionFor } = await startRelay();
    const { adminKey, workspace, adminToken } = await workspaceWithUsers('Acme');
    const first = await connectFacebook(adminToken);
    clock.advance(DAY);
    const second = await connectFacebook(await sessionFor(adminKey.apiKey));
    expect(second.user?.connectedAt).not.toBe(first.user?.connectedAt);
    expect(await relay.services.store.facebookConnections.tokens(workspace.id)).toHaveLength(1);
  });
});
