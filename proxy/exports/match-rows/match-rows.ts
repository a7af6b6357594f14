import type { PlannedAudience } from '../../../shared/audience-plan.ts';
import { type MatchKey, matchKeyValue, normalizeMatchKey } from '../../../shared/match-keys.ts';
import { boundedMemo } from '../../sources/bounded-memo.ts';
import type { SourceUser } from '../../sources/source-user.ts';

/** Where each key (but `MADID`, read from the devices) finds its raw value. */
const FIELD_OF_KEY = {
  EXTERN_ID: 'external_id',
  EMAIL: 'email',
  PHONE: 'phone',
  DOBY: 'dob',
  DOBM: 'dob',
  DOBD: 'dob',
  LN: 'last_name',
  FN: 'first_name',
  FI: 'first_name',
  GEN: 'gender',
  CT: 'home_city',
  ST: 'state',
  ZIP: 'zip',
  COUNTRY: 'country',
} as const satisfies Record<Exclude<MatchKey, 'MADID'>, keyof SourceUser>;

/** Keys whose normalization reads the country (national phone numbers, US states and ZIPs). */
const COUNTRY_DEPENDENT: ReadonlySet<MatchKey> = new Set(['PHONE', 'ST', 'ZIP']);

/**
 * A key of one user: `valid` with the values Meta receives (several for `MADID`, one per
 * usable device ID), `unusable` when the user has a value but none Meta could take, or
 * `missing`.
 */
export interface KeyValues {
  status: 'valid' | 'unusable' | 'missing';
  values: readonly string[];
}

export interface UserRows {
  /** Per audience, in the plan's order: the rows this user adds to it (often none or one). */
  rows: string[][][];
  /** Every key the plan uses. */
  keys: ReadonlyMap<MatchKey, KeyValues>;
}

export interface MatchRowsOptions {
  /** The workspace's country, for users whose own country is missing or not a country. */
  defaultCountry?: string;
  /** The clock birth years are checked against; an export pins it (see docs/export-pipeline.md). */
  now?: () => Date;
}

const MISSING: KeyValues = Object.freeze({ status: 'missing', values: Object.freeze([]) });

/**
 * The rows a user adds to each audience of a plan: exactly what Meta receives
 * (`matchKeyValue`), with the user's country, else the workspace's, as the country of
 * national phone numbers, states and ZIP codes.
 *
 * - A per-field audience gets one single-column row per usable value: one per user, except
 *   `MADID`, which gets one per distinct usable device ID (IDFA and GAID, zeroed IDs dropped).
 * - The multi-key audience gets one row per user with a usable value for at least one key,
 *   its cells in the audience's key order, `''` for a key the user lacks; a user with several
 *   devices sends the first usable ID (one row per user, as Meta's multi-key rows are people).
 */
export function createMatchRows(
  audiences: readonly PlannedAudience[],
  { defaultCountry, now }: MatchRowsOptions = {},
): (user: SourceUser) => UserRows {
  const used = [...new Set(audiences.flatMap((audience) => audience.keys))];
  const needsCountry = used.some((key) => COUNTRY_DEPENDENT.has(key));
  const countryCode = boundedMemo((country: string) => normalizeMatchKey('COUNTRY', country));
  const workspaceOptions = { defaultCountry, now };

  return (user) => {
    const own = needsCountry && user.country !== undefined ? countryCode(user.country) : null;
    const options = own === null ? workspaceOptions : { defaultCountry: own, now };
    const keys = new Map<MatchKey, KeyValues>();
    for (const key of used) {
      keys.set(
        key,
        key === 'MADID' ? deviceIds(user) : single(key, user[FIELD_OF_KEY[key]], options),
      );
    }
    const rows = audiences.map((audience) => audienceRows(audience, keys));
    return { rows, keys };
  };
}

function single(key: MatchKey, raw: string | undefined, options: MatchRowsOptions): KeyValues {
  if (raw === undefined) return MISSING;
  const value = matchKeyValue(key, raw, options);
  return value === null ? { status: 'unusable', values: [] } : { status: 'valid', values: [value] };
}

function deviceIds({ devices }: SourceUser): KeyValues {
  let present = false;
  const values: string[] = [];
  for (const device of devices) {
    for (const id of [device.idfa, device.google_ad_id]) {
      if (id === undefined) continue;
      present = true;
      const value = matchKeyValue('MADID', id);
      if (value !== null && !values.includes(value)) values.push(value);
    }
  }
  if (values.length > 0) return { status: 'valid', values };
  return present ? { status: 'unusable', values } : MISSING;
}

function audienceRows(
  audience: PlannedAudience,
  keys: ReadonlyMap<MatchKey, KeyValues>,
): string[][] {
  if (audience.kind === 'per-field') {
    return audience.keys.flatMap((key) => (keys.get(key)?.values ?? []).map((value) => [value]));
  }
  let usable = false;
  const row = audience.keys.map((key) => {
    const value = keys.get(key)?.values[0];
    if (value === undefined) return '';
    usable = true;
    return value;
  });
  return usable ? [row] : [];
}
