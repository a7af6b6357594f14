import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Derives a 256-bit key for one purpose from a relay secret (HKDF-SHA256). Each purpose
 * (session signing, each secrets key id) gets an unrelated key from the same secret.
 */
export function deriveKey(relaySecret: string, purpose: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', relaySecret, 'audience-relay', purpose, 32));
}

/**
 * A short, one-way tag of a relay secret, stored beside each key id so the relay knows which
 * secret (current or previous) derives it without storing anything that opens a secret.
 */
export function secretFingerprint(relaySecret: string): string {
  return createHmac('sha256', relaySecret)
    .update('audience-relay secret fingerprint')
    .digest('hex')
    .slice(0, 16);
}
