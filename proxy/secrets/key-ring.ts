import { randomBytes } from 'node:crypto';
import type { EncryptionKeyRepository } from '../store/encryption-keys.ts';
import { deriveKey, secretFingerprint } from './derive-key.ts';
import type { RelaySecrets } from './relay-secret.ts';

export interface EncryptionKey {
  kid: string;
  key: Uint8Array;
}

/** The secrets encryption keys: which one seals new secrets, and the key behind any kid. */
export interface KeyRing {
  active(): Promise<EncryptionKey>;
  key(kid: string): Promise<Uint8Array>;
  /** Starts a new key id under the current relay secret and makes it the active one. */
  startNewKey(): Promise<string>;
  /**
   * Key ids not yet retired that the current relay secret did not make: those under
   * `RELAY_PREVIOUS_SECRET` (rotate-key moves them) and those no configured secret opens.
   */
  staleKids(): Promise<{ previousSecret: string[]; unreadable: string[] }>;
}

export class UnknownKeyError extends Error {
  override name = 'UnknownKeyError';
}

export interface KeyRingOptions {
  keys: EncryptionKeyRepository;
  secrets: Pick<RelaySecrets, 'current' | 'previous'>;
  now?: () => Date;
  random?: (bytes: number) => Buffer;
}

export function createKeyRing({
  keys,
  secrets,
  now = () => new Date(),
  random = randomBytes,
}: KeyRingOptions): KeyRing {
  const bySecret = new Map<string, string>();
  for (const secret of [secrets.current, secrets.previous]) {
    if (secret) bySecret.set(secretFingerprint(secret), secret);
  }
  const derived = new Map<string, Uint8Array>();
  const newRecord = () => ({
    kid: `k_${random(6).toString('hex')}`,
    secretFingerprint: secretFingerprint(secrets.current),
    createdAt: now(),
  });
  const derive = (kid: string, fingerprint: string) => {
    const cached = derived.get(kid);
    if (cached) return cached;
    const secret = bySecret.get(fingerprint);
    if (!secret) {
      throw new UnknownKeyError(
        `Encryption key ${kid} comes from a relay secret that is not configured. Set RELAY_PREVIOUS_SECRET to the secret it was made with, then run rotate-key.`,
      );
    }
    const key = deriveKey(secret, `secrets-key:${kid}`);
    derived.set(kid, key);
    return key;
  };
  return {
    // Read from the store each time: the CLI may rotate while the server runs.
    async active() {
      const record = (await keys.active()) ?? (await keys.ensureActive(newRecord()));
      return { kid: record.kid, key: derive(record.kid, record.secretFingerprint) };
    },
    async key(kid) {
      const record = await keys.get(kid);
      if (!record) throw new UnknownKeyError(`No encryption key ${kid} in this relay's key ring.`);
      return derive(record.kid, record.secretFingerprint);
    },
    async startNewKey() {
      const record = newRecord();
      await keys.activate(record);
      return record.kid;
    },
    async staleKids() {
      const current = secretFingerprint(secrets.current);
      const stale = (await keys.list()).filter(
        (record) => !record.retiredAt && record.secretFingerprint !== current,
      );
      const kidsWhere = (readable: boolean) =>
        stale
          .filter((record) => bySecret.has(record.secretFingerprint) === readable)
          .map((record) => record.kid);
      return { previousSecret: kidsWhere(true), unreadable: kidsWhere(false) };
    },
  };
}
