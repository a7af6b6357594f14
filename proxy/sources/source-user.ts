import { z } from 'zod';
import { USER_TEXT_FIELDS, type UserTextField } from '../../shared/column-mapping.ts';
import { isTruthy } from './truthy.ts';

const text = z.string().min(1).describe('Trimmed, never blank.').optional();

export const sourceDevice = z.object({
  idfa: text,
  google_ad_id: text,
  /** Absent when the source did not say: the consent filter reads that as "not enabled". */
  ad_tracking_enabled: z.boolean().optional(),
});
export type SourceDevice = z.infer<typeof sourceDevice>;

/**
 * The one user shape every source produces, modelled on Braze's user export object
 * (braze-and-platforms.md §1.7), with the field names Braze uses. `state` and `zip` are not
 * Braze standard attributes: they come from columns, or from custom attributes of that name.
 * Braze's `dob` is `YYYY-MM-DD`, its `country` alpha-2 and its `email_subscribe` `opted_in`,
 * `subscribed` or `unsubscribed`; a file may hold any form the match keys read (a country
 * name, a birth date `1997-02-16` but not `16/02/1997`: see docs/match-keys.md).
 */
export const sourceUser = z.object({
  ...(Object.fromEntries(USER_TEXT_FIELDS.map((field) => [field, text])) as Record<
    UserTextField,
    typeof text
  >),
  devices: z.array(sourceDevice),
  custom_attributes: z.record(z.string(), z.unknown()),
});
export type SourceUser = z.infer<typeof sourceUser>;

/**
 * A `SourceUser` from a flat record: fields by `SourceField` name (shared/column-mapping.ts),
 * plus Braze's `devices` and `custom_attributes`. Lenient, never failing on a value: text is
 * trimmed, numbers kept as written (phones and ZIP codes often arrive as JSON numbers), and a
 * blank value, a value of another type or a device that is not an object is dropped, so one
 * odd value never costs the user their other fields. A flat record's `idfa`, `google_ad_id`
 * and `ad_tracking_enabled` make one more device.
 *
 * Written by hand, not as a zod parse: zod's lenient parse of the same record measured 2 to
 * 6 µs per user against 0.3 µs here, most of the pipeline's time. `sourceUser` is the
 * contract; the tests hold every output to it.
 */
export function toSourceUser(record: Readonly<Record<string, unknown>>): SourceUser {
  const attributes = record.custom_attributes;
  const user: SourceUser = {
    devices: Array.isArray(record.devices) ? record.devices.flatMap(toDevices) : [],
    custom_attributes: isPlainObject(attributes) ? attributes : {},
  };
  for (const field of USER_TEXT_FIELDS) {
    const value = toText(record[field]);
    if (value !== undefined) user[field] = value;
  }
  if (record.idfa !== undefined || record.google_ad_id !== undefined) {
    user.devices.push(...toDevices(record));
  }
  return user;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The device an entry describes, as a list: none when the entry is not an object. */
function toDevices(entry: unknown): SourceDevice[] {
  if (!isPlainObject(entry)) return [];
  const device: SourceDevice = {};
  const idfa = toText(entry.idfa);
  const googleAdId = toText(entry.google_ad_id);
  const tracking = entry.ad_tracking_enabled;
  if (idfa !== undefined) device.idfa = idfa;
  if (googleAdId !== undefined) device.google_ad_id = googleAdId;
  if (tracking !== undefined && tracking !== null) device.ad_tracking_enabled = isTruthy(tracking);
  return [device];
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
