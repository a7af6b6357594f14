/**
 * Meta's customer-file match keys (reference §4.2, §5.1). Each name is also the column name
 * Meta expects in a multi-key `schema` array, so `MATCH_KEYS` doubles as the list of
 * multi-key schema names, in the column order Segment's production integration uses.
 */
export const MATCH_KEYS = [
  'EXTERN_ID',
  'EMAIL',
  'PHONE',
  'DOBY',
  'DOBM',
  'DOBD',
  'LN',
  'FN',
  'FI',
  'GEN',
  'CT',
  'ST',
  'ZIP',
  'COUNTRY',
  'MADID',
] as const;

export type MatchKey = (typeof MATCH_KEYS)[number];

/** Options every normalizer accepts; each key reads only what it needs. */
export interface MatchKeyOptions {
  /**
   * The user's own country, or else the workspace default: ISO alpha-2, alpha-3 or a
   * country name. PHONE reads national numbers in it; ZIP and ST apply its rules.
   */
  defaultCountry?: string;
  /** The clock DOBY checks "not after this year" against. */
  now?: () => Date;
}

/** Keys Meta receives as plain normalized text; every other key is SHA-256 hashed. */
export const UNHASHED_KEYS: ReadonlySet<MatchKey> = new Set(['MADID', 'EXTERN_ID']);

// A plain record answers faster than the Set, and this is asked for every field of every row.
const HASHED = Object.fromEntries(
  MATCH_KEYS.map((key) => [key, !UNHASHED_KEYS.has(key)]),
) as Record<MatchKey, boolean>;

export function isHashedKey(key: MatchKey): boolean {
  return HASHED[key] === true;
}

/**
 * Schema names for an audience uploaded on one key alone. Keys missing here have no
 * single-key schema: send them as a one-element multi-key schema (`['FN']`), though Meta
 * only matches such weak keys in combination with others.
 */
export const SINGLE_KEY_SCHEMAS = {
  EMAIL: 'EMAIL_SHA256',
  PHONE: 'PHONE_SHA256',
  MADID: 'MOBILE_ADVERTISER_ID',
  EXTERN_ID: 'EXTERN_ID',
} as const satisfies Partial<Record<MatchKey, string>>;

/** Names the extension shows for each key (the first three are Braze's own field names). */
export const MATCH_KEY_LABELS: Readonly<Record<MatchKey, string>> = {
  EMAIL: 'Email',
  PHONE: 'Phone number',
  MADID: 'Device IDFA / advertiser ID',
  FN: 'First name',
  LN: 'Last name',
  FI: 'First initial',
  GEN: 'Gender',
  DOBY: 'Birth year',
  DOBM: 'Birth month',
  DOBD: 'Birth day',
  CT: 'City',
  ST: 'State / province',
  ZIP: 'ZIP / postal code',
  COUNTRY: 'Country',
  EXTERN_ID: 'External ID',
};
