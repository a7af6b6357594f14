import { ApiError } from '../../http/api-error.ts';
import type {
  ConnectedAdAccount,
  FacebookConnectionRepository,
} from '../../store/facebook-connections.ts';
import type { WorkspaceGraph, WorkspaceGraphs } from './workspace-graph.ts';

/** An ad account as the token in use sees it (reference §2.1). */
export interface VisibleAdAccount {
  /** Numeric, without `act_`. */
  adAccountId: string;
  name: string;
  accountStatus: number;
  business: { id: string; name: string | null } | null;
  userTasks: string[];
  /** Custom Audience terms accepted (for a user token: by the business and by the user). */
  customAudienceTos: boolean;
}

interface GraphAdAccount {
  id: string;
  account_id?: string;
  name?: string;
  account_status?: number;
  business?: { id: string; name?: string };
  user_tasks?: string[];
  tos_accepted?: Record<string, number>;
  user_tos_accepted?: Record<string, number>;
}

const FIELDS = 'id,account_id,name,account_status,business{id,name},user_tasks,tos_accepted';
/** Graph's pages hold 25 by default; fewer round trips for people with many accounts. */
const PAGE_SIZE = 100;

export const bareAdAccountId = (id: string) => id.replace(/^act_/, '');

const accepted = (terms: Record<string, number> | undefined) => terms?.custom_audience_tos === 1;

/**
 * Every ad account the workspace's token can see, all pages of `/me/adaccounts`. For a user
 * token the user's own acceptance of the terms (`user_tos_accepted`) counts too; system
 * users cannot sign the terms, so that field is neither asked nor needed for them (§3.6).
 */
export async function listVisibleAdAccounts(graph: WorkspaceGraph): Promise<VisibleAdAccount[]> {
  const userToken = graph.tokenKind === 'user';
  const accounts: VisibleAdAccount[] = [];
  for await (const account of graph.items<GraphAdAccount>({
    path: 'me/adaccounts',
    params: { fields: userToken ? `${FIELDS},user_tos_accepted` : FIELDS, limit: PAGE_SIZE },
  })) {
    const adAccountId = account.account_id ?? bareAdAccountId(account.id);
    accounts.push({
      adAccountId,
      name: account.name ?? `Ad account ${adAccountId}`,
      accountStatus: account.account_status ?? 0,
      business: account.business
        ? { id: account.business.id, name: account.business.name ?? null }
        : null,
      userTasks: account.user_tasks ?? [],
      customAudienceTos:
        accepted(account.tos_accepted) && (!userToken || accepted(account.user_tos_accepted)),
    });
  }
  return accounts;
}

/** What a listing says of an account the workspace uses. */
export function seenAdAccount(
  account: ConnectedAdAccount,
  visible: VisibleAdAccount | undefined,
  at: Date,
): ConnectedAdAccount {
  if (!visible) return { ...account, accessible: false, checkedAt: at };
  return {
    ...account,
    name: visible.name,
    businessId: visible.business?.id ?? null,
    businessName: visible.business?.name ?? null,
    accountStatus: visible.accountStatus,
    customAudienceTos: visible.customAudienceTos,
    accessible: true,
    checkedAt: at,
  };
}

export interface AdAccountChoice {
  /** Every account the token in use can see, and whether the workspace uses it. */
  available(workspaceId: string): Promise<{
    graph: WorkspaceGraph;
    accounts: { account: VisibleAdAccount; connected: boolean }[];
  }>;
  /**
   * Makes `adAccountIds` (with or without `act_`) the workspace's whole set; refuses, naming
   * them, accounts the token in use cannot see.
   */
  connect(workspaceId: string, adAccountIds: string[]): Promise<ConnectedAdAccount[]>;
  connected(workspaceId: string): Promise<ConnectedAdAccount[]>;
}

export function createAdAccountChoice({
  graphs,
  repository,
  now = () => new Date(),
}: {
  graphs: WorkspaceGraphs;
  repository: FacebookConnectionRepository;
  now?: () => Date;
}): AdAccountChoice {
  return {
    async available(workspaceId) {
      const graph = await graphs.for(workspaceId);
      const visible = await listVisibleAdAccounts(graph);
      const connected = new Set(
        (await repository.adAccounts(workspaceId)).map((account) => account.adAccountId),
      );
      return {
        graph,
        accounts: visible.map((account) => ({
          account,
          connected: connected.has(account.adAccountId),
        })),
      };
    },
    async connect(workspaceId, adAccountIds) {
      const visible = new Map(
        (await listVisibleAdAccounts(await graphs.for(workspaceId))).map((account) => [
          account.adAccountId,
          account,
        ]),
      );
      const wanted = [...new Set(adAccountIds.map(bareAdAccountId))];
      const unseen = wanted.filter((id) => !visible.has(id));
      if (unseen.length > 0) {
        throw new ApiError(
          'facebook_ad_account_not_visible',
          `The workspace's Facebook token cannot see ad account(s) ${unseen.map((id) => `act_${id}`).join(', ')}.`,
          { adAccountId: unseen[0], adAccountIds: unseen },
        );
      }
      const before = new Map(
        (await repository.adAccounts(workspaceId)).map((account) => [account.adAccountId, account]),
      );
      const at = now();
      const accounts = wanted.map((id) => {
        const base: ConnectedAdAccount = before.get(id) ?? {
          workspaceId,
          adAccountId: id,
          name: '',
          businessId: null,
          businessName: null,
          accountStatus: 0,
          customAudienceTos: null,
          accessible: true,
          connectedAt: at,
          checkedAt: null,
        };
        return seenAdAccount(base, visible.get(id), at);
      });
      await repository.replaceAdAccounts(workspaceId, accounts);
      return accounts;
    },
    connected: (workspaceId) => repository.adAccounts(workspaceId),
  };
}
