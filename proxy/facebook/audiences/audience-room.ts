import { ApiError } from '../../http/api-error.ts';
import { bareAdAccountId, listVisibleAdAccounts } from '../connection/ad-accounts.ts';
import type { WorkspaceGraph } from '../connection/workspace-graph.ts';

/** Customer-file audiences an ad account may hold (reference §3.1). */
export const CUSTOMER_FILE_AUDIENCE_LIMIT = 500;

/** Graph's default page is 25; the reference advises small pages, 100 keeps calls few. */
const PAGE_SIZE = 100;

/** The ad account's customer-file audiences, counted over every page. */
export async function countCustomerFileAudiences(
  graph: WorkspaceGraph,
  adAccountId: string,
): Promise<number> {
  let count = 0;
  for await (const audience of graph.items<{ subtype?: string }>({
    path: `act_${bareAdAccountId(adAccountId)}/customaudiences`,
    params: { fields: 'subtype', limit: PAGE_SIZE },
    adAccountId,
  })) {
    if (audience.subtype === 'CUSTOM') count++;
  }
  return count;
}

/**
 * Before creating `needed` audiences: the token works (a 190 surfaces here, from any call),
 * it sees the ad account, the Custom Audience terms are accepted there, and the account has
 * room under the 500 limit. Each refusal is the catalog's error for it.
 */
export async function checkAudienceRoom(
  graph: WorkspaceGraph,
  adAccountId: string,
  needed: number,
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
  if (needed === 0) return;
  const existing = await countCustomerFileAudiences(graph, id);
  if (existing + needed > CUSTOMER_FILE_AUDIENCE_LIMIT) {
    throw new ApiError(
      'facebook_audience_limit_reached',
      `Ad account act_${id} holds ${existing} customer-list audiences; ${needed} more would pass the limit of ${CUSTOMER_FILE_AUDIENCE_LIMIT}.`,
      { adAccountId: id, existing, needed },
    );
  }
}
