import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Workspace keys look like `ar_live_<key id>_<secret>`: the prefix lets secret scanners and
 * people recognise one, the id finds the stored hash without a scan, and only the secret's
 * scrypt hash is ever stored.
 */
export const API_KEY_PREFIX = 'ar_live_';
const API_KEY = /^ar_live_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ApiKeyParts {
  keyId: string;
  secret: string;
}

export function generateApiKey(random: (bytes: number) => Buffer = randomBytes) {
  const keyId = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { keyId, secret, apiKey: `${API_KEY_PREFIX}${keyId}_${secret}` };
}

/** The id and secret of a presented key, or undefined when it is not shaped like one. */
export function parseApiKey(presented: string): ApiKeyParts | undefined {
  const match = API_KEY.exec(presented.trim());
  return match?.[1] && match[2] ? { keyId: match[1], secret: match[2] } : undefined;
}

/**
 * scrypt cost, stored with each hash so it can change without breaking old keys. Modest on
 * purpose: the secret is 256 random bits, so no cost is needed against guessing it, and a
 * cheap hash keeps `POST /v1/session` from being a way to burn the relay's CPU.
 */
const COST = { N: 2 ** 12, r: 8, p: 1 };
const HASH_BYTES = 32;

function scryptAsync(secret: string, salt: Buffer, cost: typeof COST): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, HASH_BYTES, cost, (error, hash) =>
      error ? reject(error) : resolve(hash),
    ),
  );
}

/** `scrypt$N$r$p$<salt>$<hash>`, base64url. */
export async function hashApiKeySecret(
  secret: string,
  random: (bytes: number) => Buffer = randomBytes,
): Promise<string> {
  const salt = random(16);
  const hash = await scryptAsync(secret, salt, COST);
  return [
    'scrypt',
    COST.N,
    COST.r,
    COST.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export async function verifyApiKeySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scryptAsync(secret, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
