import { listCustomerFileAudiences } from '../../facebook/audiences/audience-room.ts';
import { createCustomAudience } from '../../facebook/audiences/create-audience.ts';
import type { WorkspaceGraph } from '../../facebook/connection/workspace-graph.ts';
import type { SyncRecord } from '../../store/syncs.ts';

/** What ends the description of an audience a sync created, so a later launch can find it. */
const syncAudienceMarker = (syncId: string) => `(sync ${syncId})`;

/**
 * The new audience a launching sync fills. A crash or a lost answer between Meta creating it
 * and the relay recording its id would otherwise leave a stray empty audience and make a
 * second one at the next launch: so the ad account's customer-file audiences are searched for
 * this sync's marker first, and one found is adopted (nothing was ever sent to it).
 */
export async function createSyncAudience(
  graph: WorkspaceGraph,
  sync: Pick<SyncRecord, 'id' | 'name' | 'audienceName'> & { adAccountId: string },
): Promise<string> {
  const marker = syncAudienceMarker(sync.id);
  const onAccount = await listCustomerFileAudiences(graph, sync.adAccountId);
  const stray = onAccount.find((audience) => audience.description.endsWith(marker));
  if (stray) return stray.id;
  return createCustomAudience(graph, {
    adAccountId: sync.adAccountId,
    name: sync.audienceName ?? sync.name,
    description: `Filled by Audience Relay's continuous sync "${sync.name}" ${marker}`,
    customerFileSource: 'USER_PROVIDED_ONLY',
  });
}
