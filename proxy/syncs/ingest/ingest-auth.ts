import { ApiError } from '../../http/api-error.ts';
import type { SyncRecord, SyncRepository } from '../../store/syncs.ts';
import { hashIngestSecret, ingestSecretMatches } from '../manage/ingest-secret.ts';

/** Compared against for an unknown sync id, so it takes as long as a wrong secret. */
const NO_SYNC_HASH = hashIngestSecret('no such sync');

const unauthorized = () =>
  new ApiError(
    'ingest_unauthorized',
    "Send Authorization: Bearer <the sync's ingest secret> to the sync's ingest URL.",
  );

/**
 * The sync an ingest request is for, authenticated by that sync's own secret (not a
 * session). A missing or wrong secret, another sync's or a rotated one, and an unknown sync
 * id all answer the same 401, so the endpoint reveals no sync ids. Only an active sync takes
 * users (409 otherwise).
 */
export async function authenticateIngest(
  syncs: SyncRepository,
  syncId: string,
  authorization: string | undefined,
): Promise<SyncRecord> {
  const secret = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!secret) throw unauthorized();
  const sync = await syncs.getForIngest(syncId);
  if (!ingestSecretMatches(secret, sync?.ingestSecretHash ?? NO_SYNC_HASH) || !sync) {
    throw unauthorized();
  }
  if (sync.status !== 'active') {
    throw new ApiError(
      'sync_not_active',
      `The sync is ${sync.status}; it takes users only while active.`,
      { status: sync.status },
    );
  }
  return sync;
}
