import type { z } from 'zod';
import type { syncableAudience } from '../../../shared/relay-api/syncs.ts';
import {
  audienceProblem,
  listAudiencesForMembers,
} from '../../facebook/audiences/audience-usability.ts';
import type { WorkspaceGraphs } from '../../facebook/connection/workspace-graph.ts';

/**
 * The ad account's customer-file audiences a sync could fill, each saying whether it can and,
 * if not, why (value-based with the workaround, flagged 471, not editable by the token).
 */
export async function listSyncableAudiences(
  graphs: WorkspaceGraphs,
  workspaceId: string,
  adAccountId: string,
): Promise<z.infer<typeof syncableAudience>[]> {
  const audiences = await listAudiencesForMembers(await graphs.for(workspaceId), adAccountId);
  return audiences.map((audience) => {
    const problem = audienceProblem(audience);
    return {
      id: audience.id,
      name: audience.name,
      approximateCount: audience.approximateCount?.lower ?? null,
      usable: problem === null,
      reason: problem,
    };
  });
}
