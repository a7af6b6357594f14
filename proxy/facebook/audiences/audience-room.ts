import { ApiError } from '../../http/api-error.ts';
import { bareAdAccountId, listVisibleAdAccounts } from '../connection/ad-accounts.ts';
import type { WorkspaceGraph } from '../connection/workspace-graph.ts';

/** Customer-file audiences an ad account may hold (reference §3.1). */
export const CUSTOMER_FILE_AUDIENCE_LIMIT = 500;

/** Graph's default page is 25; the reference advises small pages, 100 keeps calls few. */
const PAGE_SIZE = 100;

export interface CustomerFileAudience {
  id: string;
  description: string;
}

/**
 * The ad account's customer-file audiences (lookalikes and others left out), over every page,
 * with the Graph `fields` asked for. Which fields `filtering` accepts is unconfirmed
 * (reference §3.2), so the relay filters itself.
 */
export async function customerFileAudiences<Audience extends { subtype?: string }>(
  graph: WorkspaceGraph,
  adAccountId: string,
  fields: string,
): Promise<Audience[]> {
  const found: Audience[] = [];
  for await (const audience of graph.items<Audience>({
    path: `act_${bareAdAccountId(adAccountId)}/customaudiences`,
    params: { fields, limit: PAGE_SIZE },
    adAccountId,
  })) {
    if (audience.subtype === 'CUSTOM') found.push(audience);
  }
  return found;
}

/** The ad account's customer-file audiences with their descriptions (the relay's markers). */
export async function listCustomerFileAudiences(
  graph: WorkspaceGraph,
  adAccountId: string,
): Promise<CustomerFileAudience[]> {
  const audiences = await customerFileAudiences<{
    id: string;
    subtype?: string;
    description?: string;
  }>(graph, adAccountId, 'id,subtype,description');
  return audiences.map(({ id, description }) => ({ id, description: description ?? '' }));
}

/**
 * Before using an ad account: the token works (a 190 surfaces here, from any call), it sees
 * the account, and the Custom Audience terms are accepted there. Each refusal is the
 * catalog's error for it.
 */
export async function checkAdAccountReady(
  graph: WorkspaceGraph,
  adAccountId: string,
): Promise<void> {
  const id = bareAdAccountId(adAccountId);
  const account = (await listVisibleAdAccounts(graph)).find((some) => some.adAccountId === id);
  if (!account) {
    throw new ApiError(
      'facebook_ad_account_not_visible',
      `The workspace's Facebook token cannot see ad account act_${id}.`,
      { adAccountId: id },
    );
  }
  if (!account.customAudienceTos) {
    throw new ApiError(
      'facebook_custom_audience_terms_not_accepted',
      `The Custom Audience terms are not accepted for ad account act_${id}.`,
      { adAccountId: id },
    );
  }
}

/**
 * Before creating `needed` audiences: the account is ready (`checkAdAccountReady`) and has
 * room under the 500 limit. Each refusal is the catalog's error for it.
 */
export async function checkAudienceRoom(
  graph: WorkspaceGraph,
  adAccountId: string,
  needed: number,
): Promise<void> {
  await checkAdAccountReady(graph, adAccountId);
  if (needed === 0) return;
  checkRoom(adAccountId, (await listCustomerFileAudiences(graph, adAccountId)).length, needed);
}

/** Refuses `needed` more audiences where `existing` ones would pass the 500 limit. */
export function checkRoom(adAccountId: string, existing: number, needed: number): void {
  if (needed === 0 || existing + needed <= CUSTOMER_FILE_AUDIENCE_LIMIT) return;
  const id = bareAdAccountId(adAccountId);
  throw new ApiError(
    'facebook_audience_limit_reached',
    `Ad account act_${id} holds ${existing} customer-list audiences; ${needed} more would pass the limit of ${CUSTOMER_FILE_AUDIENCE_LIMIT}.`,
    { adAccountId: id, existing, needed },
  );
}
