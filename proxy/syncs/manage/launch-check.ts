import { describeError } from '../../../shared/error-catalog.ts';
import type { LaunchCheckResponse } from '../../../shared/relay-api/syncs.ts';
import { checkAudienceRoom } from '../../facebook/audiences/audience-room.ts';
import {
  type AudienceForMembers,
  audienceProblem,
  REMOVAL_MINIMUM,
  readAudienceForMembers,
} from '../../facebook/audiences/audience-usability.ts';
import type { WorkspaceGraph, WorkspaceGraphs } from '../../facebook/connection/workspace-graph.ts';
import { ApiError } from '../../http/api-error.ts';
import type { SyncRecord } from '../../store/syncs.ts';

type Refusal = LaunchCheckResponse['refusals'][number];

export interface LaunchCheck extends LaunchCheckResponse {
  /** The token's Graph, when it works: what launch creates the audience with. */
  graph?: WorkspaceGraph;
}

/** Where an editor sends the person to fix each refusal. */
const FIELD_OF_CODE: Record<string, string> = {
  facebook_ad_account_not_visible: 'adAccountId',
  facebook_custom_audience_terms_not_accepted: 'adAccountId',
  facebook_audience_limit_reached: 'audience',
  facebook_audience_not_found: 'audience',
};

const refusal = (code: string, message: string, field = FIELD_OF_CODE[code]): Refusal => ({
  code,
  message,
  ...(field ? { field } : {}),
});

/** A catalog refusal raised by the facebook/ checks, as a refusal; anything else rethrown. */
async function refusalOf(check: () => Promise<unknown>, field?: string): Promise<Refusal | null> {
  try {
    await check();
    return null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 503) throw error;
    return refusal(error.code, error.message, field);
  }
}

const missing = (
  code: 'sync_ad_account_missing' | 'sync_audience_missing' | 'sync_fields_missing',
  field: string,
) => refusal(code, describeError(code).explanation, field);

/**
 * Braze's "Why is my Canvas not allowed to launch?", every reason at once: ad account,
 * audience and fields set; the workspace's token works and sees the ad account; the Custom
 * Audience terms accepted there; room under the 500 limit for a new audience (the same checks
 * an export makes); an existing audience usable (not value-based, not flagged, editable). A
 * remove-sync on an audience under about 1,000 people is a warning: Meta refuses those
 * removals until it grows. Throttling and outages are thrown, not refusals.
 */
export async function checkLaunch(graphs: WorkspaceGraphs, sync: SyncRecord): Promise<LaunchCheck> {
  const refusals: Refusal[] = [];
  const warnings: Refusal[] = [];
  if (!sync.adAccountId) refusals.push(missing('sync_ad_account_missing', 'adAccountId'));
  if (!sync.audienceKind) refusals.push(missing('sync_audience_missing', 'audience'));
  if (sync.fields.length === 0) refusals.push(missing('sync_fields_missing', 'fields'));

  let graph: WorkspaceGraph | undefined;
  const token = await refusalOf(async () => {
    graph = await graphs.for(sync.workspaceId);
  });
  if (token) refusals.push(token);
  const adAccountId = sync.adAccountId;
  if (graph && adAccountId) {
    const ready = graph;
    const creates = sync.audienceKind === 'new' && !sync.facebookAudienceId;
    const account = await refusalOf(() => checkAudienceRoom(ready, adAccountId, creates ? 1 : 0));
    if (account) refusals.push(account);
    else if (sync.facebookAudienceId) {
      const found = await checkAudience(ready, adAccountId, sync.facebookAudienceId, sync.action);
      refusals.push(...found.refusals);
      warnings.push(...found.warnings);
    } else if (creates && sync.action === 'remove') {
      warnings.push(
        refusal(
          'facebook_audience_too_small',
          `A new audience starts empty; Facebook refuses removals from audiences under about ${REMOVAL_MINIMUM.toLocaleString('en-US')} people, so a remove-sync belongs on an existing, larger audience.`,
          'action',
        ),
      );
    }
  }
  return { ok: refusals.length === 0, refusals, warnings, ...(graph ? { graph } : {}) };
}

/** The audience a launched or existing-audience sync fills: usable, and big enough to remove from. */
async function checkAudience(
  graph: WorkspaceGraph,
  adAccountId: string,
  audienceId: string,
  action: SyncRecord['action'],
): Promise<{ refusals: Refusal[]; warnings: Refusal[] }> {
  let audience: AudienceForMembers | undefined;
  const unreadable = await refusalOf(async () => {
    audience = await readAudienceForMembers(graph, adAccountId, audienceId);
  }, 'audience');
  if (!audience) return { refusals: unreadable ? [unreadable] : [], warnings: [] };
  const problem = audienceProblem(audience);
  const small =
    audience.approximateCount !== null && audience.approximateCount.upper < REMOVAL_MINIMUM;
  return {
    refusals: problem ? [refusal(problem.code, problem.message, 'audience')] : [],
    warnings:
      action === 'remove' && small
        ? [
            refusal(
              'facebook_audience_too_small',
              `"${audience.name}" holds about ${audience.approximateCount?.upper ?? 0} people; Facebook refuses removals from audiences under about ${REMOVAL_MINIMUM.toLocaleString('en-US')}, so removals will fail until it grows.`,
              'action',
            ),
          ]
        : [],
  };
}
