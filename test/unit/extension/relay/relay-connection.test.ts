import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRelayConnection } from '../../../../extension/relay/relay-connection.ts';
import {
  readCachedSession,
  readRelaySettings,
  readRelayStatus,
  relaySettingsItem,
} from '../../../../extension/relay/relay-storage.ts';
import { manualClock } from '../../../support/manual-clock.ts';
import { API_KEY, fakeRelay, KEY_ID, NOW, RELAY_URL, relayError } from './fake-relay.ts';

const settings = { url: RELAY_URL, apiKey: API_KEY };
const connected = {
  state: 'connected',
  workspace: { id: 'ws_1', name: 'Acme Marketing' },
  role: 'admin',
  checkedAt: NOW.toISOString(),
};

beforeEach(() => fakeBrowser.reset());

function setUp(options: Parameters<typeof fakeRelay>[0] = {}) {
  const clock = manualClock(NOW);
  const relay = fakeRelay({ now: clock.now, ...options });
  const connection = createRelayConnection({ fetch: relay.fetch, now: clock.now });
  return { clock, relay, connection };
}

describe('createRelayConnection', () => {
  describe('configure', () => {
    it('checks the settings against the relay, then saves them with the session', async () => {
      const { relay, connection } = setUp();
      expect(await connection.configure(settings)).toEqual({
        ok: true,
        value: { url: RELAY_URL, keyId: KEY_ID, status: connected },
      });
      expect(relay.routes()).toEqual(['POST /v1/session', 'GET /v1/workspace']);
      expect(await readRelaySettings()).toEqual(settings);
      expect(await readRelayStatus()).toEqual(connected);
      expect(await readCachedSession()).toMatchObject({ relayUrl: RELAY_URL, token: 'token-1' });
    });

    it('reports the role of a marketer key', async () => {
      const { connection } = setUp({ role: 'marketer' });
      expect(await connection.configure(settings)).toMatchObject({
        ok: true,
        value: { status: { state: 'connected', role: 'marketer' } },
      });
    });

    it('saves nothing when the relay refuses the key', async () => {
      const { relay, connection } = setUp();
      relay.answer('POST /v1/session', relayError(401, 'api_key_revoked'));
      expect(await connection.configure(settings)).toMatchObject({
        ok: false,
        failure: { kind: 'unauthenticated', code: 'api_key_revoked' },
      });
      expect(await readRelaySettings()).toBeNull();
      expect(await readCachedSession()).toBeNull();
      expect(await readRelayStatus()).toBeNull();
    });

    it('keeps the relay that works when new settings do not', async () => {
      const { relay, connection } = setUp();
      await connection.configure(settings);
      relay.answer('POST /v1/session', new TypeError('Failed to fetch'));
      const other = { url: 'https://other.example.com', apiKey: API_KEY };
      expect(await connection.configure(other)).toEqual({
        ok: false,
        failure: { kind: 'unreachable', reason: 'network' },
      });
      expect(await readRelaySettings()).toEqual(settings);
      expect(await readCachedSession()).toMatchObject({ relayUrl: RELAY_URL, token: 'token-1' });
    });
  });

  describe('status', () => {
    it('is null, and calls nothing, while no relay is configured', async () => {
      const { relay, connection } = setUp();
      expect(await connection.status()).toBeNull();
      expect(relay.requests).toEqual([]);
    });

    it('checks the saved relay with the saved session', async () => {
      const { relay, clock, connection } = setUp();
      await connection.configure(settings);
      clock.advance(60_000);
      expect(await connection.status()).toEqual({
        url: RELAY_URL,
        keyId: KEY_ID,
        status: { ...connected, checkedAt: clock.now().toISOString() },
      });
      expect(relay.routes().slice(2)).toEqual(['GET /v1/workspace']);
      expect(await readRelayStatus()).toMatchObject({ checkedAt: clock.now().toISOString() });
    });

    it('records a key revoked since it was saved', async () => {
      const { relay, connection } = setUp();
      await connection.configure(settings);
      relay.answer('GET /v1/workspace', relayError(401, 'api_key_revoked'));
      relay.answer('POST /v1/session', relayError(401, 'api_key_revoked'));
      const failed = {
        state: 'failed',
        failure: expect.objectContaining({ kind: 'unauthenticated', code: 'api_key_revoked' }),
        checkedAt: NOW.toISOString(),
      };
      expect(await connection.status()).toEqual({ url: RELAY_URL, keyId: KEY_ID, status: failed });
      expect(await readRelayStatus()).toEqual(failed);
      // Still saved: the person sees which relay fails, and can fix or forget it.
      expect(await readRelaySettings()).toEqual(settings);
    });

    it('reports the settings saved meanwhile, not the ones it started checking', async () => {
      const { relay, connection } = setUp();
      await connection.configure(settings);
      relay.answer('GET /v1/workspace', async () => {
        await relaySettingsItem.removeValue();
        return relayError(401, 'api_key_revoked');
      });
      expect(await connection.status()).toBeNull();
      expect(await readRelayStatus()).toEqual(connected);
    });
  });

  it('forgets the settings, the session and the status', async () => {
    const { connection } = setUp();
    await connection.configure(settings);
    await connection.forget();
    expect(await readRelaySettings()).toBeNull();
    expect(await readCachedSession()).toBeNull();
    expect(await readRelayStatus()).toBeNull();
    expect(await connection.status()).toBeNull();
  });

  it('gives features a client for the saved relay only', async () => {
    const { relay, connection } = setUp();
    expect(await connection.client()).toBeNull();
    await connection.configure(settings);
    const client = await connection.client();
    expect(await client?.workspace()).toMatchObject({ ok: true });
    // The session made while configuring is reused.
    expect(relay.routes()).toEqual(['POST /v1/session', 'GET /v1/workspace', 'GET /v1/workspace']);
  });

  it('gives extension pages the saved relay and its session, renewed when they ask', async () => {
    const { relay, connection } = setUp();
    expect(await connection.access(false)).toBeNull();
    await connection.configure(settings);
    expect(await connection.access(false)).toEqual({
      ok: true,
      value: { relayUrl: RELAY_URL, token: 'token-1' },
    });
    expect(await connection.access(true)).toEqual({
      ok: true,
      value: { relayUrl: RELAY_URL, token: 'token-2' },
    });
    expect(await readCachedSession()).toMatchObject({ token: 'token-2' });
    relay.answer('POST /v1/session', relayError(401, 'api_key_revoked'));
    expect(await connection.access(true)).toMatchObject({
      ok: false,
      failure: { code: 'api_key_revoked' },
    });
  });
});
