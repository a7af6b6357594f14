import type { MatchKey } from '../../../shared/match-keys.ts';
import type { SyncAction } from '../../../shared/relay-api/syncs.ts';
import { usersRequestParams } from '../../exports/upload/upload-batch.ts';
import type { WorkspaceGraph } from '../../facebook/connection/workspace-graph.ts';
import { RawJson } from '../../facebook/graph/raw-json.ts';
import { syncAudience } from '../sync-audience.ts';

/** Where a launched sync delivers: what its queued rows were hashed for. */
export interface DeliveryTarget {
  adAccountId: string;
  facebookAudienceId: string;
  action: SyncAction;
  fields: readonly MatchKey[];
}

/**
 * One `/users` call: `POST` adds, `DELETE` with a JSON body removes (reference §4.1). Each
 * call is its own one-batch upload session with a fresh id, so a batch re-sent after a crash
 * is a new session Meta applies again, harmlessly (adding a member twice keeps one member).
 */
export async function sendUsers(
  graph: WorkspaceGraph,
  target: DeliveryTarget,
  rows: string[][],
  sessionId: string,
): Promise<void> {
  const params = usersRequestParams({
    adAccountId: target.adAccountId,
    facebookAudienceId: target.facebookAudienceId,
    sessionId,
    // The schema ingest built the rows for.
    schema: syncAudience(target.fields).schema,
    batch: {
      audience: target.facebookAudienceId,
      seq: 1,
      size: rows.length,
      data: new RawJson(Buffer.from(JSON.stringify(rows))),
      rowsSoFar: rows.length,
      last: true,
    },
  });
  // Meta's counts are not read: a user is done once the call succeeds (the queue is the truth).
  await graph.request({
    method: target.action === 'add' ? 'POST' : 'DELETE',
    path: `${target.facebookAudienceId}/users`,
    params,
    encoding: 'json',
    adAccountId: target.adAccountId,
  });
}
