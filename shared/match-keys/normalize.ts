import { normalizeAdvertiserId } from './advertiser-id.ts';
import { normalizeBirthDay, normalizeBirthMonth, normalizeBirthYear } from './birth-date.ts';
import { resolveCountry, resolveDefaultCountry } from './country.ts';
import { normalizeEmail } from './email.ts';
import { normalizeGender } from './gender.ts';
import { isHashedKey, type MatchKey, type MatchKeyOptions } from './keys.ts';
import { firstInitial, normalizeName } from './names.ts';
import { normalizePhone } from './phone.ts';
import { normalizeState } from './state.ts';
import { toRomanAlphabet } from './text-folding.ts';
import { normalizeZip } from './zip.ts';

const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** A value some earlier system already hashed; it is sent as is, never hashed twice. */
export function asSha256Hex(raw: string): string | null {
  // Nearly every value is decided by its length, without trimming a copy.
  if (typeof raw !== 'string' || raw.length < 64) return null;
  const text = raw.trim();
  return text.length === 64 && SHA256_HEX.test(text) ? text.toLowerCase() : null;
}

// Shared rather than a fresh `{}` per call: this runs once per field of every row.
const NO_OPTIONS: MatchKeyOptions = Object.freeze({});

const normalizers: Record<MatchKey, (raw: string, options: MatchKeyOptions) => string | null> = {
  EMAIL: normalizeEmail,
  PHONE: (raw, { defaultCountry }) => normalizePhone(raw, resolveDefaultCountry(defaultCountry)),
  FN: normalizeName,
  LN: normalizeName,
  FI: firstInitial,
  GEN: normalizeGender,
  DOBY: (raw, { now }) => normalizeBirthYear(raw, now),
  DOBM: normalizeBirthMonth,
  DOBD: normalizeBirthDay,
  CT: toRomanAlphabet,
  ST: (raw, { defaultCountry }) => normalizeState(raw, resolveDefaultCountry(defaultCountry)),
  ZIP: (raw, { defaultCountry }) => normalizeZip(raw, resolveDefaultCountry(defaultCountry)),
  COUNTRY: resolveCountry,
  MADID: normalizeAdvertiserId,
  // Meta compares external IDs exactly: only the white space around them is an accident.
  EXTERN_ID: (raw) => raw.trim() || null,
};

/**
 * Meta's normalized form of `raw` for `key` (reference §5.1), or null when the value is
 * unusable and must not be sent. For hashed keys, a value that already is a SHA-256 hex
 * digest comes back lowercased, untouched. Never throws.
 */
export function normalizeMatchKey(
  key: MatchKey,
  raw: string,
  options?: MatchKeyOptions,
): string | null {
  return (isHashedKey(key) ? asSha256Hex(raw) : null) ?? normalizeValue(key, raw, options);
}

/** `normalizeMatchKey` without the digest pass-through, for callers that handle it first. */
export function normalizeValue(
  key: MatchKey,
  raw: string,
  options?: MatchKeyOptions,
): string | null {
  try {
    return normalizers[key](raw, options ?? NO_OPTIONS);
  } catch {
    // Only a caller breaking the types (a number, null) gets here: unusable, never fatal.
    return null;
  }
}
