import type { FacebookStatusResponse } from '../../../shared/relay-api/facebook.ts';
import type { FacebookConfig } from '../../config.ts';
import { ApiError } from '../../http/api-error.ts';
import type { Logger } from '../../log.ts';
import type { FacebookConnectionRepository } from '../../store/facebook-connections.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import { listVisibleAdAccounts, seenAdAccount } from './ad-accounts.ts';
import { connectedAdAccountView, tokenStatusView } from './status-view.ts';
import type { StoredTokens } from './stored-tokens.ts';
import { inspectToken, tokenProblem } from './token-inspection.ts';
import type { WorkspaceGraphs } from './workspace-graph.ts';

/** A status older than this is checked again when asked for. */
export const STATUS_MAX_AGE_MS = 60 * 60 * 1000;

export interface ConnectionHealth {
  /**
   * Asks `/debug_token` about each of the workspace's tokens (valid? this app? scopes?
   * expiry?) and, while the token in use works, what it sees of the chosen ad accounts
   * (access, Custom Audience terms). Records everything.
   */
  check(workspaceId: string): Promise<void>;
  /** The daily check: every workspace with a token, one failing not stopping the rest. */
  checkAll(): Promise<void>;
  /** The connection's health, checked afresh when asked to or when the last check is old. */
  status(workspaceId: string, options?: { refresh?: boolean }): Promise<FacebookStatusResponse>;
}

export interface ConnectionHealthOptions {
  facebook: Pick<FacebookConfig, 'mode' | 'appId'>;
  graph: GraphClient;
  graphs: WorkspaceGraphs;
  tokens: StoredTokens;
  repository: FacebookConnectionRepository;
  logger: Logger;
  now?: () => Date;
}

export function createConnectionHealth({
  facebook,
  graph,
  graphs,
  tokens,
  repository,
  logger,
  now = () => new Date(),
}: ConnectionHealthOptions): ConnectionHealth {
  const checkAdAccounts = async (workspaceId: string) => {
    const chosen = await repository.adAccounts(workspaceId);
    if (chosen.length === 0) return;
    let workspaceGraph: Awaited<ReturnType<WorkspaceGraphs['for']>>;
    try {
      workspaceGraph = await graphs.for(workspaceId);
    } catch (error) {
      // No usable token: the token's own status already says why.
      if (error instanceof ApiError) return;
      throw error;
    }
    const visible = new Map(
      (await listVisibleAdAccounts(workspaceGraph)).map((account) => [
        account.adAccountId,
        account,
      ]),
    );
    const at = now();
    await repository.recordAdAccountChecks(
      workspaceId,
      chosen.map((account) => seenAdAccount(account, visible.get(account.adAccountId), at)),
    );
  };

  const check = async (workspaceId: string) => {
    for (const kind of ['system_user', 'user'] as const) {
      const stored = await tokens.get(workspaceId, kind);
      if (!stored) continue;
      const inspection = await inspectToken(graph, stored.token);
      const problem = tokenProblem(inspection, facebook.appId);
      if (problem)
        logger.warn('Facebook token not usable', { workspaceId, kind, reason: problem.code });
      await tokens.recordCheck(stored.record, problem ?? null, inspection);
    }
    await checkAdAccounts(workspaceId);
  };

  return {
    check,
    async checkAll() {
      for (const workspaceId of await repository.workspacesWithTokens()) {
        try {
          await check(workspaceId);
        } catch (error) {
          logger.error('daily Facebook check failed', { workspaceId, error });
        }
      }
    },
    async status(workspaceId, { refresh = false } = {}) {
      let records = await tokens.list(workspaceId);
      let checkError: FacebookStatusResponse['checkError'] = null;
      const stale = records.some(
        (record) => now().getTime() - record.checkedAt.getTime() > STATUS_MAX_AGE_MS,
      );
      if (records.length > 0 && (refresh || stale)) {
        try {
          await check(workspaceId);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          checkError = { code: error.code, message: error.message };
        }
        records = await tokens.list(workspaceId);
      }
      const user = records.find((record) => record.kind === 'user');
      const systemUser = records.find((record) => record.kind === 'system_user');
      return {
        mode: facebook.mode,
        connected: records.length > 0,
        tokenInUse: (systemUser ?? user)?.kind ?? null,
        user: user ? tokenStatusView(user, now()) : null,
        systemUser: systemUser ? tokenStatusView(systemUser, now()) : null,
        adAccounts: (await repository.adAccounts(workspaceId)).map(connectedAdAccountView),
        checkError,
      };
    },
  };
}
