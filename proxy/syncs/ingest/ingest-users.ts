import type { IngestResponse, IngestUser } from '../../../shared/relay-api/syncs.ts';
import { createUserRows } from '../../exports/user-rows/user-rows.ts';
import { ColumnNames } from '../../sources/column-names.ts';
import { userFromObject } from '../../sources/user-from-object.ts';
import type { SyncRecord, SyncRepository } from '../../store/syncs.ts';
import { consentFor } from '../consent-for.ts';
import { syncAudience } from '../sync-audience.ts';

/** Braze's field names are among the recognised ones: no mapping needed. */
const BRAZE_NAMES = new ColumnNames();
const ignore = () => {};

/**
 * Hashes each user on arrival (the same consent filters and match rows as an export, on the
 * sync's fields) and queues those with a usable field, all before the caller answers 202:
 * from here on only hashed rows exist. A user the consent filters remove, or with no usable
 * field, counts as not usable (Braze's "Users Not Synced").
 */
export async function ingestUsers(
  syncs: SyncRepository,
  sync: SyncRecord,
  users: readonly IngestUser[],
  now: Date,
): Promise<IngestResponse> {
  const userRows = createUserRows([syncAudience(sync.fields)], {
    consent: consentFor(sync),
    ...(sync.defaultCountry ? { defaultCountry: sync.defaultCountry } : {}),
    now: () => now,
  });
  const queued: string[][][] = [];
  for (const user of users) {
    const outcome = userRows(userFromObject(user, BRAZE_NAMES, ignore));
    const rows = outcome.kept ? (outcome.made.rows[0] ?? []) : [];
    if (rows.length > 0) queued.push(rows);
  }
  const notUsable = users.length - queued.length;
  await syncs.enqueue(sync.id, queued, notUsable, now);
  return { accepted: queued.length, notUsable };
}
