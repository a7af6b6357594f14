import type { ErrorCode } from '../../../shared/error-catalog.ts';
import { ApiError } from '../../http/api-error.ts';
import type { Logger } from '../../log.ts';
import type { FacebookTokenKind } from '../../store/facebook-connections.ts';
import type { GraphClient, GraphRequest } from '../graph/graph-client.ts';
import { GraphError } from '../graph/graph-error.ts';
import { graphItems } from '../graph/graph-pages.ts';
import type { StoredTokens } from './stored-tokens.ts';

export type WorkspaceGraphRequest = Omit<GraphRequest, 'token'>;

/** Graph as one workspace: every call acts with the workspace's token in use. */
export interface WorkspaceGraph {
  tokenKind: FacebookTokenKind;
  request<T>(request: WorkspaceGraphRequest): Promise<T>;
  /** Every item of an edge, page after page (`paging.next`). */
  items<T>(first: WorkspaceGraphRequest): AsyncGenerator<T>;
}

export interface WorkspaceGraphs {
  /**
   * Throws `facebook_not_connected` without a token, and the recorded reason (e.g.
   * `facebook_token_password_changed`) while the token in use is known to be refused, so a
   * dead token is not sent to Facebook again and again.
   */
  for(workspaceId: string): Promise<WorkspaceGraph>;
}

export interface WorkspaceGraphsOptions {
  graph: GraphClient;
  tokens: StoredTokens;
  graphBaseUrl: string;
  logger: Logger;
}

/**
 * The one place a 190 from any Graph call is noticed: the workspace's token in use is
 * marked invalid with the reason Facebook gave (password changed, expired, revoked,
 * checkpointed, …), which the status shows and later calls refuse with.
 */
export function createWorkspaceGraphs({
  graph,
  tokens,
  graphBaseUrl,
  logger,
}: WorkspaceGraphsOptions): WorkspaceGraphs {
  return {
    async for(workspaceId) {
      const stored = await tokens.inUse(workspaceId);
      if (!stored) throw new ApiError('facebook_not_connected');
      const { record, token } = stored;
      if (record.invalid) {
        throw new ApiError(
          record.invalid.code as ErrorCode,
          `Facebook no longer accepts the workspace's ${record.kind === 'user' ? 'user' : 'System User'} token: ${record.invalid.message}`,
        );
      }
      const request = async <T>(call: WorkspaceGraphRequest): Promise<T> => {
        try {
          return await graph.request<T>({ ...call, token });
        } catch (error) {
          if (error instanceof GraphError && error.tokenRejected) {
            logger.warn('Facebook refused the workspace token; marking it invalid', {
              workspaceId,
              kind: record.kind,
              reason: error.code,
              fbtraceId: error.fbtraceId,
            });
            await tokens.recordCheck(record, { code: error.code, message: error.message });
          }
          throw error;
        }
      };
      return {
        tokenKind: record.kind,
        request,
        items: (first) => graphItems(request, first, graphBaseUrl),
      };
    },
  };
}
