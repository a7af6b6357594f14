import { describe, expect, it } from 'vitest';
import { createConsentDefaultsService } from '../../../../extension/consent/consent-defaults-service.ts';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../shared/consent-settings.ts';
import { fakeRelayClient, NOW, relayError } from '../relay/fake-relay.ts';

function setUp() {
  const { relay, client } = fakeRelayClient();
  return { relay, service: createConsentDefaultsService({ relay: async () => client }) };
}

const SAVED = {
  settings: { ...DEFAULT_CONSENT_SETTINGS, excludeEmailUnsubscribed: true },
  updatedAt: NOW.toISOString(),
};

describe('createConsentDefaultsService', () => {
  it('reads the workspace’s defaults from the relay', async () => {
    const { relay, service } = setUp();
    relay.answer('GET /v1/settings/consent', Response.json(SAVED));
    expect(await service.get()).toEqual({ ok: true, value: SAVED });
  });

  it('saves them whole with PUT, and passes the relay’s refusal on', async () => {
    const { relay, service } = setUp();
    relay.answer('PUT /v1/settings/consent', Response.json(SAVED), relayError(403, 'forbidden'));
    expect(await service.save(SAVED.settings)).toEqual({ ok: true, value: SAVED });
    expect(relay.requests.at(-1)?.body).toEqual(SAVED.settings);
    expect(await service.save(SAVED.settings)).toMatchObject({
      ok: false,
      failure: { kind: 'forbidden', code: 'forbidden' },
    });
  });

  it('refuses an answer that is not the defaults', async () => {
    const { relay, service } = setUp();
    relay.answer('GET /v1/settings/consent', Response.json({ settings: { optOutAttribute: 7 } }));
    expect(await service.get()).toMatchObject({
      ok: false,
      failure: { kind: 'unexpected-response' },
    });
  });

  it('is unreachable without a relay', async () => {
    const service = createConsentDefaultsService({ relay: async () => null });
    expect(await service.get()).toEqual({
      ok: false,
      failure: { kind: 'unreachable', reason: 'network' },
    });
  });
});
