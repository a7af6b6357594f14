import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { type RelaySettings, relaySettingsSchema } from './relay-settings.ts';
import { type RelayStatus, relayStatusSchema } from './relay-status.ts';

/**
 * Everything the extension keeps about its relay. Each item is versioned: WXT records the
 * version beside the value (only when `migrations` is given, hence the empty ones at version
 * 1), and a shape change bumps `version` and adds the migration from the previous one
 * (`migrations: { 2: (v1) => v2 }`), run when the extension updates. Values are checked on
 * the way out too, so one a newer version left behind (after a downgrade) reads as absent
 * instead of breaking the background.
 */

/** A session token for the relay (`POST /v1/session`), reused until shortly before it expires. */
const cachedSessionSchema = z.object({
  /** The relay and key it was made for: a token is only ever sent back to its own relay. */
  relayUrl: z.string(),
  keyId: z.string(),
  token: z.string().min(1),
  expiresAt: z.iso.datetime(),
});
export type CachedSession = z.infer<typeof cachedSessionSchema>;

/** Relay URL and workspace key. `local:`, never `sync:`: the key is a secret for this browser. */
export const relaySettingsItem = storage.defineItem<RelaySettings>('local:relaySettings', {
  version: 1,
  migrations: {},
});

/**
 * The current session. `session:` storage outlives the service worker (which Chrome stops
 * when idle) but not the browser, is kept in memory only, and content scripts cannot read it.
 */
export const relaySessionItem = storage.defineItem<CachedSession>('session:relaySession', {
  version: 1,
  migrations: {},
});

/** The last check of the relay, for every page that shows it. */
export const relayStatusItem = storage.defineItem<RelayStatus>('local:relayStatus', {
  version: 1,
  migrations: {},
});

/** Reads an item and returns its value only if it still has the shape this version expects. */
async function readChecked<T>(
  item: WxtStorageItem<T | null, Record<string, unknown>>,
  schema: z.ZodType<T, unknown>,
): Promise<T | null> {
  const parsed = schema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export const readRelaySettings = () => readChecked(relaySettingsItem, relaySettingsSchema);
export const readCachedSession = () => readChecked(relaySessionItem, cachedSessionSchema);
export const readRelayStatus = () => readChecked(relayStatusItem, relayStatusSchema);
