import { hash } from 'node:crypto';
import { isHashedKey, type MatchKey, type MatchKeyOptions } from './match-keys/keys.ts';
import { asSha256Hex, normalizeValue } from './match-keys/normalize.ts';

/**
 * Match keys: what the relay sends Meta for each user field. The normalization lives in
 * `match-keys/` and imports nothing from Node, so the extension can bundle it for previews;
 * this entry adds the hashing, which needs `node:crypto`.
 */
export {
  isHashedKey,
  MATCH_KEY_LABELS,
  MATCH_KEYS,
  type MatchKey,
  type MatchKeyOptions,
  SINGLE_KEY_SCHEMAS,
  UNHASHED_KEYS,
} from './match-keys/keys.ts';
export { normalizeMatchKey } from './match-keys/normalize.ts';

/**
 * Exactly what Meta receives for `raw`: the lowercase hex SHA-256 of the normalized form for
 * hashed keys, the normalized form itself for `MADID` and `EXTERN_ID`, null when unusable.
 * A value that already is a SHA-256 hex digest passes through (lowercased) for hashed keys.
 */
export function matchKeyValue(
  key: MatchKey,
  raw: string,
  options?: MatchKeyOptions,
): string | null {
  if (!isHashedKey(key)) return normalizeValue(key, raw, options);
  const digest = asSha256Hex(raw);
  if (digest !== null) return digest;
  const normalized = normalizeValue(key, raw, options);
  return normalized === null ? null : hash('sha256', normalized);
}
