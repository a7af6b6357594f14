import type { ErrorCode } from '../../../shared/error-catalog.ts';
import type { WorkspaceGraph } from '../connection/workspace-graph.ts';
import { customerFileAudiences } from './audience-room.ts';

/** A customer-file audience as read for adding or removing members (reference §3.2-3.3). */
export interface AudienceForMembers {
  id: string;
  name: string;
  /** Meta shows only bounds; null when it gives none (or -1). */
  approximateCount: { lower: number; upper: number } | null;
  isValueBased: boolean;
  operationStatus: number | null;
  canEdit: boolean;
}

export interface AudienceProblem {
  code: ErrorCode;
  message: string;
}

interface GraphAudience {
  id: string;
  name?: string;
  subtype?: string;
  approximate_count_lower_bound?: number;
  approximate_count_upper_bound?: number;
  is_value_based?: boolean;
  operation_status?: { code?: number };
  permission_for_actions?: { can_edit?: boolean };
}

const FIELDS =
  'id,name,subtype,approximate_count_lower_bound,approximate_count_upper_bound,is_value_based,operation_status,permission_for_actions';
/** `operation_status` of an audience flagged for integrity (reference §3.3, since 2025-09-02). */
const INTEGRITY_FLAGGED = 471;
/** Meta refuses removals that would leave an audience under about this many people. */
export const REMOVAL_MINIMUM = 1_000;

function toAudience(audience: GraphAudience): AudienceForMembers {
  const lower = audience.approximate_count_lower_bound;
  const upper = audience.approximate_count_upper_bound;
  return {
    id: audience.id,
    name: audience.name ?? audience.id,
    approximateCount:
      lower !== undefined && upper !== undefined && lower >= 0 && upper >= 0
        ? { lower, upper }
        : null,
    isValueBased: audience.is_value_based === true,
    operationStatus: audience.operation_status?.code ?? null,
    canEdit: audience.permission_for_actions?.can_edit === true,
  };
}

/** One audience by id (a deleted or unreachable one throws `facebook_audience_not_found`). */
export async function readAudienceForMembers(
  graph: WorkspaceGraph,
  adAccountId: string,
  audienceId: string,
): Promise<AudienceForMembers> {
  return toAudience(
    await graph.request<GraphAudience>({
      path: audienceId,
      params: { fields: FIELDS },
      adAccountId,
    }),
  );
}

/** The ad account's customer-file audiences (lookalikes and others left out), every page. */
export async function listAudiencesForMembers(
  graph: WorkspaceGraph,
  adAccountId: string,
): Promise<AudienceForMembers[]> {
  return (await customerFileAudiences<GraphAudience>(graph, adAccountId, FIELDS)).map(toAudience);
}

/**
 * Why members cannot be sent to this audience, or null: value-based audiences want a value
 * per person (not supported, as in Braze; the reference's workaround is in the message),
 * flagged ones (471) refuse uploads, and the token must be allowed to edit it.
 */
export function audienceProblem(audience: AudienceForMembers): AudienceProblem | null {
  if (audience.isValueBased) {
    return {
      code: 'facebook_value_based_audience_not_supported',
      message: `"${audience.name}" is a value-based audience, which expects a customer value for each person; Audience Relay sends customer lists without values. Recreate it in Ads Manager (Audiences → Create audience → Custom audience → Customer list) without the Value column, choosing "No, continue with a customer list that doesn't include customer value", and use that audience instead.`,
    };
  }
  if (audience.operationStatus === INTEGRITY_FLAGGED) {
    return {
      code: 'facebook_audience_integrity_flagged',
      message: `Facebook flagged "${audience.name}" for integrity (it may suggest restricted information such as health or finances) and blocks uploads to it. Appeal in Audience Manager, or use an audience with a neutral name and description.`,
    };
  }
  if (!audience.canEdit) {
    return {
      code: 'facebook_audience_not_editable',
      message: `The workspace's Facebook connection may not change the members of "${audience.name}".`,
    };
  }
  return null;
}
