import { describe, expect, it, vi } from 'vitest';
import { createFacebookService } from '../../../../extension/facebook/facebook-service.ts';
import type { WebAuthFlow, WebAuthOutcome } from '../../../../extension/facebook/web-auth-flow.ts';
import { createRelayClient } from '../../../../extension/relay/relay-client.ts';
import { API_KEY, fakeRelay, NOW, RELAY_URL, relayError } from '../relay/fake-relay.ts';
import { facebookStatus } from './facebook-fixtures.ts';

const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const DIALOG = 'https://www.facebook.com/v26.0/dialog/oauth?client_id=1&state=s';

function setUp(
  outcome: WebAuthOutcome = { kind: 'redirected', url: `${REDIRECT}?code=c&state=s` },
  start = Response.json({ dialogUrl: DIALOG, state: 's', expiresAt: NOW.toISOString() }),
) {
  const relay = fakeRelay();
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    fetch: relay.fetch,
    now: () => NOW,
  });
  const webAuthFlow: WebAuthFlow = {
    redirectUrl: () => REDIRECT,
    launch: vi.fn(async () => outcome),
  };
  relay.answer('POST /v1/facebook/oauth/start', start);
  const service = createFacebookService({ relay: async () => client, webAuthFlow });
  const bodyOf = (route: string) =>
    relay.requests.find((r) => `${r.method} ${new URL(r.url).pathname}` === route)?.body;
  return { relay, webAuthFlow, service, bodyOf };
}

describe('createFacebookService', () => {
  describe('connect', () => {
    it('starts on the relay, opens its dialog, and hands the redirect back', async () => {
      const { relay, webAuthFlow, service, bodyOf } = setUp();
      relay.answer('POST /v1/facebook/oauth/complete', Response.json(facebookStatus()));
      expect(await service.connect()).toEqual({ ok: true, value: facebookStatus() });
      expect(bodyOf('POST /v1/facebook/oauth/start')).toEqual({ redirectUrl: REDIRECT });
      expect(webAuthFlow.launch).toHaveBeenCalledExactlyOnceWith(DIALOG);
      expect(bodyOf('POST /v1/facebook/oauth/complete')).toEqual({
        url: `${REDIRECT}?code=c&state=s`,
      });
    });

    it('reads the window closed as cancelled, and tells the relay nothing more', async () => {
      const { relay, service } = setUp({ kind: 'closed' });
      expect(await service.connect()).toEqual({ ok: false, failure: { kind: 'cancelled' } });
      expect(relay.routes()).not.toContain('POST /v1/facebook/oauth/complete');
    });

    it('reads Cancel in the dialog (the relay’s consent_denied) as cancelled', async () => {
      const { relay, service, bodyOf } = setUp({
        kind: 'redirected',
        url: `${REDIRECT}?error=access_denied&state=s`,
      });
      relay.answer('POST /v1/facebook/oauth/complete', relayError(400, 'facebook_consent_denied'));
      expect(await service.connect()).toEqual({ ok: false, failure: { kind: 'cancelled' } });
      // The relay still saw the redirect, and spent its state.
      expect(bodyOf('POST /v1/facebook/oauth/complete')).toEqual({
        url: `${REDIRECT}?error=access_denied&state=s`,
      });
    });

    it('reports a window the browser could not open', async () => {
      const { service } = setUp({ kind: 'failed', message: 'no window' });
      expect(await service.connect()).toEqual({
        ok: false,
        failure: { kind: 'login-window', message: 'no window' },
      });
    });

    it('does not open the dialog when the relay refuses to start', async () => {
      const { webAuthFlow, service } = setUp(undefined, relayError(403, 'forbidden'));
      expect(await service.connect()).toMatchObject({
        ok: false,
        failure: { kind: 'forbidden', code: 'forbidden' },
      });
      expect(webAuthFlow.launch).not.toHaveBeenCalled();
    });

    it('passes on other refusals of the relay with their catalog code', async () => {
      const { relay, service } = setUp();
      relay.answer('POST /v1/facebook/oauth/complete', relayError(400, 'oauth_state_expired'));
      expect(await service.connect()).toMatchObject({
        ok: false,
        failure: { kind: 'validation', code: 'oauth_state_expired' },
      });
    });
  });

  it('says so when no relay is configured, without calling anything', async () => {
    const webAuthFlow = { redirectUrl: () => REDIRECT, launch: vi.fn() };
    const service = createFacebookService({ relay: async () => null, webAuthFlow });
    for (const result of await Promise.all([
      service.connect(),
      service.status({ refresh: false }),
      service.adAccounts(),
      service.saveAdAccounts(['act_1']),
      service.disconnect(),
      service.useSystemUserToken('EAAB'),
      service.removeSystemUserToken(),
    ])) {
      expect(result).toEqual({ ok: false, failure: { kind: 'no-relay' } });
    }
    expect(webAuthFlow.launch).not.toHaveBeenCalled();
  });

  it.each([
    ['status', (s: Service) => s.status({ refresh: false }), 'GET /v1/facebook/status', undefined],
    [
      'a fresh status',
      (s: Service) => s.status({ refresh: true }),
      'GET /v1/facebook/status?refresh=true',
      undefined,
    ],
    ['disconnect', (s: Service) => s.disconnect(), 'DELETE /v1/facebook/connection', undefined],
    [
      'removing the System User token',
      (s: Service) => s.removeSystemUserToken(),
      'DELETE /v1/facebook/system-user-token',
      undefined,
    ],
  ] as const)('calls the relay for %s', async (_, run, route, body) => {
    const { relay, service } = setUp();
    const [method, path] = route.split(' ') as [string, string];
    relay.answer(`${method} ${path.split('?')[0]}`, Response.json(facebookStatus()));
    expect(await run(service)).toEqual({ ok: true, value: facebookStatus() });
    const request = relay.requests.at(-1);
    expect(
      `${request?.method} ${new URL(request?.url ?? '').pathname}${new URL(request?.url ?? '').search}`,
    ).toBe(route);
    expect(request?.body).toEqual(body);
  });

  it('saves ad accounts as the whole set', async () => {
    const { relay, service, bodyOf } = setUp();
    relay.answer('PUT /v1/facebook/connected-ad-accounts', Response.json({ adAccounts: [] }));
    expect(await service.saveAdAccounts(['act_1', 'act_2'])).toEqual({
      ok: true,
      value: { adAccounts: [] },
    });
    expect(bodyOf('PUT /v1/facebook/connected-ad-accounts')).toEqual({
      adAccountIds: ['act_1', 'act_2'],
    });
  });

  it('refuses an answer that is not the relay’s shape', async () => {
    const { relay, service } = setUp();
    relay.answer('GET /v1/facebook/ad-accounts', Response.json({ adAccounts: 'none' }));
    expect(await service.adAccounts()).toEqual({
      ok: false,
      failure: { kind: 'unexpected-response', status: 200 },
    });
  });
});

type Service = ReturnType<typeof createFacebookService>;
