import { planAudiences } from '../../shared/audience-plan.ts';
import {
  checkAdAccountReady,
  checkRoom,
  listCustomerFileAudiences,
} from '../facebook/audiences/audience-room.ts';
import { createCustomAudience } from '../facebook/audiences/create-audience.ts';
import type { WorkspaceGraph } from '../facebook/connection/workspace-graph.ts';
import type {
  ExportAudienceRecord,
  ExportJobRecord,
  ExportJobRepository,
} from '../store/export-jobs.ts';

/**
 * What ends each audience's description: the export and plan audience it belongs to, so a
 * run can find an audience Meta created whose id the relay never recorded.
 */
export const exportAudienceMarker = (jobId: string, audience: string) =>
  `(export ${jobId}/${audience})`;

/**
 * The Facebook audiences of a job, one per plan audience, creating those it lacks. A crash
 * between Meta creating an audience and the relay recording it (or an answer lost on the
 * way) would otherwise leave a stray empty audience and make another: so before creating,
 * the ad account's customer-file audiences are searched for this job's marker, and one
 * found is adopted instead. Nothing was sent to it (batches go only to recorded audiences),
 * so it gets a fresh upload session.
 */
export async function ensureExportAudiences({
  jobs,
  graph,
  job,
  newSessionId,
}: {
  jobs: ExportJobRepository;
  graph: WorkspaceGraph;
  job: ExportJobRecord;
  newSessionId: () => string;
}): Promise<ExportAudienceRecord[]> {
  const existing = await jobs.audiences(job.id);
  const missing = planAudiences(job.spec.plan).filter(
    (planned) => !existing.some((recorded) => recorded.audience === planned.id),
  );
  await checkAdAccountReady(graph, job.adAccountId);
  if (missing.length === 0) return existing;
  const onAccount = await listCustomerFileAudiences(graph, job.adAccountId);
  const strayOf = (audience: string) =>
    onAccount.find((some) => some.description.endsWith(exportAudienceMarker(job.id, audience)));
  checkRoom(
    job.adAccountId,
    onAccount.length,
    missing.filter((audience) => !strayOf(audience.id)).length,
  );
  for (const audience of missing) {
    const name = job.spec.audienceNames[audience.id] ?? audience.id;
    const facebookAudienceId =
      strayOf(audience.id)?.id ??
      (await createCustomAudience(graph, {
        adAccountId: job.adAccountId,
        name,
        description: `Exported by Audience Relay from ${job.spec.source.kind === 'braze' ? 'Braze segment' : 'file'} "${job.spec.source.name}" on ${job.createdAt.toISOString()} ${exportAudienceMarker(job.id, audience.id)}`,
        customerFileSource: job.spec.customerFileSource,
      }));
    const record = { audience: audience.id, name, facebookAudienceId, sessionId: newSessionId() };
    await jobs.addAudience(job.id, record);
    existing.push(record);
  }
  return existing;
}
