import { ApiError } from '../../http/api-error.ts';
import type { FacebookTokenKind, FacebookTokenRecord } from '../../store/facebook-connections.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import type { StoredTokens } from './stored-tokens.ts';
import { inspectToken, tokenProblem } from './token-inspection.ts';

/**
 * Takes a token into a workspace, the same way whether it comes from the OAuth dialog or an
 * admin pastes a System User's: `/debug_token` must find it valid, issued to this app and
 * with `ads_management`; `/me` names its owner; then it is stored encrypted.
 */
export interface TokenConnector {
  connect(
    workspaceId: string,
    kind: FacebookTokenKind,
    token: string,
  ): Promise<FacebookTokenRecord>;
}

export function createTokenConnector({
  graph,
  tokens,
  appId,
}: {
  graph: GraphClient;
  tokens: StoredTokens;
  appId: string;
}): TokenConnector {
  return {
    async connect(workspaceId, kind, token) {
      const inspection = await inspectToken(graph, token);
      const problem = tokenProblem(inspection, appId);
      if (problem) throw new ApiError(problem.code, problem.message);
      const owner = await graph.request<{ id: string; name?: string }>({
        path: 'me',
        params: { fields: 'id,name' },
        token,
      });
      return tokens.save(workspaceId, kind, token, inspection, owner.name ?? null);
    },
  };
}
