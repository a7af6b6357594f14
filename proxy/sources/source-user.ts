import { z } from 'zod';
import { isTruthy } from './truthy.ts';

/**
 * The one user shape every source produces, modelled on Braze's user export object
 * (braze-and-platforms.md §1.7), with the field names Braze uses. `state` and `zip` are not
 * Braze standard attributes: they come from columns, or from custom attributes of that name.
 */
export interface SourceUser {
  external_id?: string;
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  /** `YYYY-MM-DD` in Braze; files may hold any date form the match keys accept. */
  dob?: string;
  gender?: string;
  /** ISO alpha-2 in Braze; files may hold a name or an alpha-3 code. */
  country?: string;
  home_city?: string;
  state?: string;
  zip?: string;
  /** `opted_in`, `subscribed` or `unsubscribed` in Braze. */
  email_subscribe?: string;
  devices: SourceDevice[];
  custom_attributes: Record<string, unknown>;
}

export interface SourceDevice {
  idfa?: string;
  google_ad_id?: string;
  /** Absent when the source did not say: the consent filter reads that as "not enabled". */
  ad_tracking_enabled?: boolean;
}

/**
 * Text fields: strings trimmed, numbers as written (phones and ZIP codes often arrive as JSON
 * numbers); blank, or any other type, means absent. Lenient on purpose: one odd value must
 * not cost the user their other fields. (Written as transforms of `unknown` rather than
 * unions with `.catch`: measured four times faster, and this runs for every field of every row.)
 */
const text = z.unknown().transform(toText).optional();
const flag = z
  .unknown()
  .transform((value) => (value === undefined || value === null ? undefined : isTruthy(value)))
  .optional();

const device = z.object({ idfa: text, google_ad_id: text, ad_tracking_enabled: flag });

/** Entries that are not objects (a string, null) are left out; the others keep their ids. */
const devices = z
  .array(device.nullable().catch(null))
  .catch([])
  .default([])
  .transform((list) => list.filter((entry) => entry !== null));

/**
 * A flat record (fields by `SourceField` name, see shared/column-mapping.ts, plus Braze's `devices` and
 * `custom_attributes`) made into a `SourceUser`. Never fails on a value: a value of the
 * wrong type is dropped, a device that is not an object is left out.
 */
export const sourceUserRecord = z
  .object({
    external_id: text,
    email: text,
    phone: text,
    first_name: text,
    last_name: text,
    dob: text,
    gender: text,
    country: text,
    home_city: text,
    state: text,
    zip: text,
    email_subscribe: text,
    idfa: text,
    google_ad_id: text,
    ad_tracking_enabled: flag,
    devices,
    custom_attributes: z.record(z.string(), z.unknown()).catch({}).default({}),
  })
  .transform(({ idfa, google_ad_id, ad_tracking_enabled, devices, ...fields }): SourceUser => {
    if (idfa !== undefined || google_ad_id !== undefined) {
      devices.push({ idfa, google_ad_id, ad_tracking_enabled });
    }
    return { ...fields, devices };
  });

/** Any record: values of unexpected types are dropped, never fatal (see `sourceUserRecord`). */
export function toSourceUser(record: Readonly<Record<string, unknown>>): SourceUser {
  return sourceUserRecord.parse(record);
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}
