import { z } from 'zod';

/**
 * The user fields a file column (or an NDJSON key) can feed, by their Braze names.
 * `idfa`, `google_ad_id` and `ad_tracking_enabled` describe the row's one device.
 */
export const SOURCE_FIELDS = [
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
  'idfa',
  'google_ad_id',
  'ad_tracking_enabled',
] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number];

/**
 * An upload's own reading of its columns, which wins over the recognised header names:
 * column name as the file writes it (case, spaces and punctuation do not matter) → the field
 * it feeds, or null to ignore the column.
 */
export const columnMapping = z.record(z.string().trim().min(1), z.enum(SOURCE_FIELDS).nullable());
export type ColumnMapping = z.infer<typeof columnMapping>;
