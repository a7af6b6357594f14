import { createRelayClient, type RelayClient, type RelayClientOptions } from './relay-client.ts';
import type { RelayResult } from './relay-failure.ts';
import { type RelaySettings, workspaceKeyId } from './relay-settings.ts';
import type { RelayConnection, RelayStatus } from './relay-status.ts';
import {
  readRelaySettings,
  relaySessionItem,
  relaySettingsItem,
  relayStatusItem,
} from './relay-storage.ts';
import { memorySessionStore, type SessionStore, storedSessionStore } from './session-store.ts';

/** The background's hold on the relay: configure it, check it, forget it, call it. */
export interface RelayConnectionService {
  /**
   * Checks the settings against the relay (reachable, key accepted) and saves them only if
   * it answers; resolves with the connection, or with why the relay refused.
   */
  configure(settings: RelaySettings): Promise<RelayResult<RelayConnection>>;
  /** Checks the saved relay now and records the result; null when none is configured. */
  status(): Promise<RelayConnection | null>;
  /** Drops the settings, the session and the status. */
  forget(): Promise<void>;
  /** A client for the saved relay, for the features that call it; null when none is configured. */
  client(): Promise<RelayClient | null>;
  /**
   * The saved relay and a session token on it, for the extension's pages that call the relay
   * themselves (see `RelayClient.session`); null when none is configured.
   */
  access(renew: boolean): Promise<RelayResult<RelayAccess> | null>;
}

/** Enough to call the relay for a while (a session lasts about 15 minutes). */
export interface RelayAccess {
  relayUrl: string;
  token: string;
}

export type RelayConnectionOptions = Pick<RelayClientOptions, 'fetch' | 'now' | 'timeoutMs'>;

export function createRelayConnection(
  options: RelayConnectionOptions = {},
): RelayConnectionService {
  const now = options.now ?? (() => new Date());
  const clientFor = (settings: RelaySettings, sessions: SessionStore) =>
    createRelayClient({ ...options, settings, sessions });

  const check = async (client: RelayClient): Promise<RelayStatus> => {
    const answer = await client.workspace();
    const checkedAt = now().toISOString();
    if (!answer.ok) return { state: 'failed', failure: answer.failure, checkedAt };
    const { workspace, role } = answer.value;
    return { state: 'connected', workspace, role, checkedAt };
  };

  const connection = (settings: RelaySettings, status: RelayStatus): RelayConnection => ({
    url: settings.url,
    keyId: workspaceKeyId(settings.apiKey) ?? '',
    status,
  });

  const service: RelayConnectionService = {
    async configure(settings) {
      // A session in memory while checking: nothing is stored unless the relay says yes.
      const trial = memorySessionStore();
      const status = await check(clientFor(settings, trial));
      if (status.state === 'failed') return { ok: false, failure: status.failure };
      await relaySettingsItem.setValue(settings);
      await relayStatusItem.setValue(status);
      if (trial.current) await relaySessionItem.setValue(trial.current);
      else await relaySessionItem.removeValue();
      return { ok: true, value: connection(settings, status) };
    },

    async status() {
      const settings = await readRelaySettings();
      if (!settings) return null;
      const status = await check(clientFor(settings, storedSessionStore));
      // Forgotten or replaced while the relay was answering: report what is saved now.
      const saved = await readRelaySettings();
      if (saved?.url !== settings.url || saved.apiKey !== settings.apiKey) return service.status();
      await relayStatusItem.setValue(status);
      return connection(settings, status);
    },

    async forget() {
      // The version records stay: WXT writes one only with an item's first value after the
      // worker starts, so removing it could leave a later value unversioned.
      await Promise.all([
        relaySettingsItem.removeValue(),
        relaySessionItem.removeValue(),
        relayStatusItem.removeValue(),
      ]);
    },

    async client() {
      const settings = await readRelaySettings();
      return settings && clientFor(settings, storedSessionStore);
    },

    async access(renew) {
      const settings = await readRelaySettings();
      if (!settings) return null;
      const token = await clientFor(settings, storedSessionStore).session(renew);
      return token.ok ? { ok: true, value: { relayUrl: settings.url, token: token.value } } : token;
    },
  };
  return service;
}
