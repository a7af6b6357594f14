import { ApiError } from '../http/api-error.ts';
import type { ApiKeyRecord } from '../store/api-keys.ts';
import type { RelayStore } from '../store/store.ts';
import type { Workspace } from '../store/workspaces.ts';
import { parseApiKey, verifyApiKeySecret } from './api-key.ts';
import { keyState } from './key-state.ts';
import type { SessionClaims, SessionTokens } from './session-token.ts';

export interface StartedSession {
  token: string;
  expiresAt: Date;
  workspace: Workspace;
  key: ApiKeyRecord;
}

/** Turns workspace keys into sessions, and sessions back into who is calling. */
export interface Authenticator {
  /** `POST /v1/session`: a workspace key for a short-lived session token. */
  startSession(presentedKey: string): Promise<StartedSession>;
  /**
   * Every other `/v1` request: checks the token, then the key behind it, so revoking a key
   * ends its sessions at once (one indexed lookup per request).
   */
  authenticate(token: string): Promise<SessionClaims>;
}

export interface AuthenticatorOptions {
  store: Pick<RelayStore, 'apiKeys' | 'workspaces'>;
  sessions: SessionTokens;
  now?: () => Date;
}

export function createAuthenticator({
  store,
  sessions,
  now = () => new Date(),
}: AuthenticatorOptions): Authenticator {
  const rejectUnusable = (key: ApiKeyRecord) => {
    const state = keyState(key, now());
    if (state === 'revoked')
      throw new ApiError('api_key_revoked', 'This workspace key was revoked.');
    if (state === 'expired')
      throw new ApiError('api_key_expired', 'This workspace key has expired.');
  };
  return {
    async startSession(presentedKey) {
      const parts = parseApiKey(presentedKey);
      const key = parts && (await store.apiKeys.findById(parts.keyId));
      if (!parts || !key || !(await verifyApiKeySecret(parts.secret, key.secretHash))) {
        throw new ApiError('invalid_api_key', 'The relay does not know this workspace key.');
      }
      rejectUnusable(key);
      const workspace = await store.workspaces.get(key.workspaceId);
      if (!workspace) throw new ApiError('invalid_api_key', 'The workspace of this key is gone.');
      const session = await sessions.issue(
        { workspaceId: key.workspaceId, keyId: key.id, role: key.role },
        key.expiresAt,
      );
      await store.apiKeys.markUsed(key.workspaceId, key.id, now());
      return { ...session, workspace, key };
    },
    async authenticate(token) {
      const verified = await sessions.verify(token);
      if (!verified.ok) {
        throw verified.reason === 'expired'
          ? new ApiError(
              'session_expired',
              'The session expired; start a new one with the workspace key.',
            )
          : new ApiError('unauthenticated', 'The session token is not valid.');
      }
      const { workspaceId, keyId } = verified.claims;
      const key = await store.apiKeys.get(workspaceId, keyId);
      if (!key) throw new ApiError('unauthenticated', 'The session token is not valid.');
      rejectUnusable(key);
      return { workspaceId, keyId, role: key.role };
    },
  };
}
