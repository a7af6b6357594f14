import { bareAdAccountId } from '../connection/ad-accounts.ts';
import type { WorkspaceGraph } from '../connection/workspace-graph.ts';

export interface NewCustomAudience {
  adAccountId: string;
  name: string;
  description: string;
  customerFileSource: string;
}

/** Creates a customer-file audience (reference §3.1) and returns its id. */
export async function createCustomAudience(
  graph: WorkspaceGraph,
  { adAccountId, name, description, customerFileSource }: NewCustomAudience,
): Promise<string> {
  return postAudience(graph, adAccountId, {
    name,
    subtype: 'CUSTOM',
    description,
    customer_file_source: customerFileSource,
  });
}

/** Every kind of audience is created on the ad account's `customaudiences` edge. */
async function postAudience(
  graph: WorkspaceGraph,
  adAccountId: string,
  params: Record<string, unknown>,
): Promise<string> {
  const created = await graph.request<{ id: string }>({
    method: 'POST',
    path: `act_${bareAdAccountId(adAccountId)}/customaudiences`,
    params,
    adAccountId,
  });
  return created.id;
}

export interface NewLookalike {
  adAccountId: string;
  originAudienceId: string;
  name: string;
  /** ISO alpha-2 codes. */
  countries: string[];
  /** 0.01 to 0.20. */
  ratio: number;
}

/** Creates a lookalike of an audience (reference §3.5) and returns its id. */
export async function createLookalike(
  graph: WorkspaceGraph,
  { adAccountId, originAudienceId, name, countries, ratio }: NewLookalike,
): Promise<string> {
  const location =
    countries.length === 1
      ? { country: countries[0] }
      : { location_spec: { geo_locations: { countries } } };
  return postAudience(graph, adAccountId, {
    name,
    subtype: 'LOOKALIKE',
    origin_audience_id: originAudienceId,
    // Meta takes ratios in steps of 0.01.
    lookalike_spec: { ratio: Math.round(ratio * 100) / 100, ...location },
  });
}
