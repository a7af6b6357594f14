import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type RandomBytes = (size: number) => Buffer;

/** 32 random bytes (256 bits), recognisable in logs and secret scanners by its prefix. */
export function newIngestSecret(random: RandomBytes = randomBytes): string {
  return `arsync_${random(32).toString('base64url')}`;
}

/** What the sync row keeps: the secret's lowercase hex SHA-256 (the secret is random, so no salt or slow hash is needed). */
export function hashIngestSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares in constant time, so response timing reveals nothing of the stored hash. */
export function ingestSecretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashIngestSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The encrypted secret's name, so the admin can be shown the secret again. */
export const ingestSecretName = (syncId: string) => `sync-ingest:${syncId}`;

/** Sync ids appear in ingest URLs: random, so one sync's URL says nothing of another's. */
export function newSyncId(random: RandomBytes = randomBytes): string {
  return `sync_${random(16).toString('base64url')}`;
}
