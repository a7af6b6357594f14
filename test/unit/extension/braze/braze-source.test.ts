import { describe, expect, it } from 'vitest';
import { createBrazeSource } from '../../../../extension/braze/braze-source.ts';
import { createRelayClient } from '../../../../extension/relay/relay-client.ts';
import { API_KEY, fakeRelay, NOW, RELAY_URL, relayError } from '../relay/fake-relay.ts';

const SAVED = {
  configured: true,
  restEndpoint: 'https://rest.iad-01.braze.com',
  keyHint: '••••c0de',
  savedAt: NOW.toISOString(),
};

function setUp() {
  const relay = fakeRelay();
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    fetch: relay.fetch,
    now: () => NOW,
  });
  return { relay, braze: createBrazeSource({ relay: async () => client }) };
}

describe('createBrazeSource', () => {
  it('reads the settings', async () => {
    const { relay, braze } = setUp();
    relay.answer('GET /v1/sources/braze', Response.json({ configured: false }));
    expect(await braze.settings()).toEqual({ ok: true, value: { configured: false } });
  });

  it('sends the endpoint and key once, and gets back only the hint', async () => {
    const { relay, braze } = setUp();
    relay.answer('PUT /v1/sources/braze', Response.json(SAVED));
    const request = { dashboardUrl: 'https://dashboard-01.braze.com', apiKey: 'key-c0de' };
    expect(await braze.save(request)).toEqual({ ok: true, value: SAVED });
    const put = relay.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual(request);
    expect(put?.headers.authorization).toMatch(/^Bearer token-/);
  });

  it('hands on the relay’s refusal, code and all', async () => {
    const { relay, braze } = setUp();
    relay.answer('PUT /v1/sources/braze', relayError(422, 'braze_key_rejected'));
    expect(
      await braze.save({ restEndpoint: 'https://rest.iad-01.braze.com', apiKey: 'wrong-key' }),
    ).toMatchObject({
      ok: false,
      failure: {
        kind: 'validation',
        code: 'braze_key_rejected',
        requestId: 'req-braze_key_rejected',
      },
    });
  });

  it('removes the settings', async () => {
    const { relay, braze } = setUp();
    relay.answer('DELETE /v1/sources/braze', Response.json({ configured: false }));
    expect(await braze.remove()).toEqual({ ok: true, value: { configured: false } });
  });

  it('says so when no relay is configured, without calling anything', async () => {
    const braze = createBrazeSource({ relay: async () => null });
    expect(await braze.settings()).toEqual({ ok: false, failure: { kind: 'no-relay' } });
    expect(await braze.remove()).toEqual({ ok: false, failure: { kind: 'no-relay' } });
  });
});
