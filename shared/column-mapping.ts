import { z } from 'zod';

/** User fields of text, by their Braze names (`state` and `zip` are custom attributes there). */
export const USER_TEXT_FIELDS = [
  'external_id',
  'email',
  'phone',
  'first_name',
  'last_name',
  'dob',
  'gender',
  'country',
  'home_city',
  'state',
  'zip',
  'email_subscribe',
] as const;
export type UserTextField = (typeof USER_TEXT_FIELDS)[number];

/** What a file's row says about its one device (Braze nests them in `devices`). */
export const DEVICE_FIELDS = ['idfa', 'google_ad_id', 'ad_tracking_enabled'] as const;

/** The fields a file column (or an NDJSON key) can feed. */
export const SOURCE_FIELDS = [...USER_TEXT_FIELDS, ...DEVICE_FIELDS] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/**
 * An upload's own reading of its columns, which wins over the recognised header names:
 * column name as the file writes it (case, spaces and punctuation do not matter) → the field
 * it feeds, or null to ignore the column.
 */
export const columnMapping = z.record(z.string().trim().min(1), z.enum(SOURCE_FIELDS).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;
