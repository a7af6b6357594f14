import type { z } from 'zod';
import {
  availableAdAccountsResponse,
  connectedAdAccountsResponse,
  facebookStatusResponse,
  oauthStartResponse,
  systemUserTokenResponse,
} from '../../shared/relay-api/facebook.ts';
import type { RelayClient } from '../relay/relay-client.ts';
import { savedRelayCall } from '../relay/saved-relay-call.ts';
import type { FacebookResult } from './facebook-failure.ts';
import type { WebAuthFlow } from './web-auth-flow.ts';

export type FacebookStatus = z.infer<typeof facebookStatusResponse>;
export type AvailableAdAccounts = z.infer<typeof availableAdAccountsResponse>;
export type ConnectedAdAccounts = z.infer<typeof connectedAdAccountsResponse>;
export type SystemUserToken = z.infer<typeof systemUserTokenResponse>;

/** The workspace's Facebook connection, as the background drives it on the relay. */
export interface FacebookService {
  /**
   * Runs the whole sign-in: the relay's dialog URL, the login window, then the redirect
   * handed back to the relay, which keeps the token. Resolves with the new status.
   */
  connect(): Promise<FacebookResult<FacebookStatus>>;
  /** The connection's health; `refresh` makes the relay ask Facebook now. */
  status(options: { refresh: boolean }): Promise<FacebookResult<FacebookStatus>>;
  /** Every ad account the token in use can see. */
  adAccounts(): Promise<FacebookResult<AvailableAdAccounts>>;
  /** Replaces the set of ad accounts the workspace uses. */
  saveAdAccounts(adAccountIds: string[]): Promise<FacebookResult<ConnectedAdAccounts>>;
  disconnect(): Promise<FacebookResult<FacebookStatus>>;
  /** Has the relay check and keep a System User token, used instead of the user token. */
  useSystemUserToken(token: string): Promise<FacebookResult<SystemUserToken>>;
  /** Falls back to the user token. */
  removeSystemUserToken(): Promise<FacebookResult<FacebookStatus>>;
}

export interface FacebookServiceOptions {
  /** The saved relay's client, or null when none is configured. */
  relay: () => Promise<RelayClient | null>;
  webAuthFlow: WebAuthFlow;
}

export function createFacebookService({
  relay,
  webAuthFlow,
}: FacebookServiceOptions): FacebookService {
  const call = savedRelayCall(relay);

  return {
    async connect() {
      const started = await call('POST', '/v1/facebook/oauth/start', oauthStartResponse, {
        redirectUrl: webAuthFlow.redirectUrl(),
      });
      if (!started.ok) return started;
      const outcome = await webAuthFlow.launch(started.value.dialogUrl);
      if (outcome.kind === 'closed') return { ok: false, failure: { kind: 'cancelled' } };
      if (outcome.kind === 'failed') {
        return { ok: false, failure: { kind: 'login-window', message: outcome.message } };
      }
      // Even a Cancel goes to the relay, so that it spends the single-use state.
      const completed = await call('POST', '/v1/facebook/oauth/complete', facebookStatusResponse, {
        url: outcome.url,
      });
      const declined =
        !completed.ok &&
        'code' in completed.failure &&
        completed.failure.code === 'facebook_consent_denied';
      return declined ? { ok: false, failure: { kind: 'cancelled' } } : completed;
    },
    status: ({ refresh }) =>
      call('GET', `/v1/facebook/status${refresh ? '?refresh=true' : ''}`, facebookStatusResponse),
    adAccounts: () => call('GET', '/v1/facebook/ad-accounts', availableAdAccountsResponse),
    saveAdAccounts: (adAccountIds) =>
      call('PUT', '/v1/facebook/connected-ad-accounts', connectedAdAccountsResponse, {
        adAccountIds,
      }),
    disconnect: () => call('DELETE', '/v1/facebook/connection', facebookStatusResponse),
    useSystemUserToken: (token) =>
      call('PUT', '/v1/facebook/system-user-token', systemUserTokenResponse, { token }),
    removeSystemUserToken: () =>
      call('DELETE', '/v1/facebook/system-user-token', facebookStatusResponse),
  };
}
