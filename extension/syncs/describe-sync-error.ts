import { describeError, type ErrorEntry } from '../../shared/error-catalog.ts';
import type { SyncView } from '../../shared/relay-api/syncs.ts';

/** Why an errored sync stopped, in the catalog's words, its ad account filled in. */
export function describeSyncError(sync: Pick<SyncView, 'error' | 'adAccountId'>): ErrorEntry {
  return describeError(sync.error?.code ?? 'unknown_error', {
    ...(sync.adAccountId && { adAccountId: sync.adAccountId }),
  });
}
