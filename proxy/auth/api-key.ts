import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { API_KEY_PREFIX } from '../../shared/relay-api/api-key-format.ts';

// The key format lives in shared/ (the extension checks pasted keys); the relay's code keeps
// importing it from here.
export {
  API_KEY_PREFIX,
  type ApiKeyParts,
  parseApiKey,
} from '../../shared/relay-api/api-key-format.ts';

/** A new workspace key (format in `shared/relay-api/api-key-format.ts`). */
export function generateApiKey(random: (bytes: number) => Buffer = randomBytes) {
  const keyId = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { keyId, secret, apiKey: `${API_KEY_PREFIX}${keyId}_${secret}` };
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
