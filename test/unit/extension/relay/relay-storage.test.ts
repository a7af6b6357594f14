import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  readCachedSession,
  readRelaySettings,
  readRelayStatus,
  relaySessionItem,
  relaySettingsItem,
  relayStatusItem,
} from '../../../../extension/relay/relay-storage.ts';
import { API_KEY, KEY_ID, NOW, RELAY_URL } from './fake-relay.ts';

const ITEMS = [relaySettingsItem, relaySessionItem, relayStatusItem];
const settings = { url: RELAY_URL, apiKey: API_KEY };
const session = { relayUrl: RELAY_URL, keyId: KEY_ID, token: 't', expiresAt: NOW.toISOString() };
const status = {
  state: 'connected' as const,
  workspace: { id: 'ws_1', name: 'Acme Marketing' },
  role: 'marketer' as const,
  checkedAt: NOW.toISOString(),
};

beforeEach(async () => {
  fakeBrowser.reset();
  // What WXT does for each item when the worker starts.
  await Promise.all(ITEMS.map((item) => item.migrate()));
});

describe('relay storage', () => {
  it('keeps the key in this browser’s local storage, never in synced storage', async () => {
    await relaySettingsItem.setValue(settings);
    expect(await fakeBrowser.storage.local.get('relaySettings')).toEqual({
      relaySettings: settings,
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await readRelaySettings()).toEqual(settings);
  });

  it('keeps the session token in session storage, the status in local storage', async () => {
    await relaySessionItem.setValue(session);
    await relayStatusItem.setValue(status);
    expect(await fakeBrowser.storage.session.get('relaySession')).toEqual({
      relaySession: session,
    });
    expect(await fakeBrowser.storage.local.get('relayStatus')).toEqual({ relayStatus: status });
    expect(await readCachedSession()).toEqual(session);
    expect(await readRelayStatus()).toEqual(status);
  });

  it('records version 1 beside each first value, for later migrations to start from', async () => {
    await relaySettingsItem.setValue(settings);
    await relaySessionItem.setValue(session);
    await relayStatusItem.setValue(status);
    expect(await relaySettingsItem.getMeta()).toEqual({ v: 1 });
    expect(await relaySessionItem.getMeta()).toEqual({ v: 1 });
    expect(await relayStatusItem.getMeta()).toEqual({ v: 1 });
  });

  it('reads nothing when nothing is stored', async () => {
    expect(await readRelaySettings()).toBeNull();
    expect(await readCachedSession()).toBeNull();
    expect(await readRelayStatus()).toBeNull();
  });

  it.each([
    ['a key of the wrong shape', { url: RELAY_URL, apiKey: 'ar_live_x' }],
    ['a remote http:// address', { url: 'http://relay.example.com', apiKey: API_KEY }],
    ['no address', { apiKey: API_KEY }],
    ['not an object', 'https://relay.example.com'],
  ])('reads settings with %s as absent', async (_, stored) => {
    await fakeBrowser.storage.local.set({ relaySettings: stored });
    expect(await readRelaySettings()).toBeNull();
  });

  it('reads a session or status of another shape as absent', async () => {
    await fakeBrowser.storage.session.set({ relaySession: { ...session, token: '' } });
    await fakeBrowser.storage.local.set({ relayStatus: { ...status, state: 'sleeping' } });
    expect(await readCachedSession()).toBeNull();
    expect(await readRelayStatus()).toBeNull();
  });

  it('reads settings a newer version left behind as absent, after a downgrade', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({
      relaySettings: { relays: [{ url: RELAY_URL, apiKey: API_KEY }] },
      relaySettings$: { v: 2 },
    });
    await relaySettingsItem.migrate().catch(() => {});
    expect(await readRelaySettings()).toBeNull();
    error.mockRestore();
  });
});
