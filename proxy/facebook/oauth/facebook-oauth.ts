import type { FacebookConfig } from '../../config.ts';
import { ApiError } from '../../http/api-error.ts';
import type { TokenConnector } from '../connection/token-connector.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import type { OAuthStates } from './oauth-state.ts';

/** What the relay asks for (reference §1.3): audience writes, and business-owned accounts. */
export const FACEBOOK_SCOPES = ['ads_management', 'business_management'] as const;

/** The extension's answer: the URL the dialog redirected to, or its code and state. */
export type OAuthAnswer = { url: string } | { code: string; state: string };

export interface FacebookOAuth {
  /** The login dialog URL for the extension to open, with a fresh state. */
  start(
    workspaceId: string,
    redirectUrl: string,
  ): Promise<{ dialogUrl: string; state: string; expiresAt: Date }>;
  /**
   * Checks the state, then trades the code for a short-lived token and that for a
   * long-lived one (the app secret never leaves the relay), and connects it as the
   * workspace's user token.
   */
  complete(workspaceId: string, answer: OAuthAnswer): Promise<void>;
}

interface ParsedAnswer {
  state?: string;
  code?: string;
  error?: string;
  errorDescription?: string;
  /** Where the dialog sent the browser back to (URL answers only). */
  returnedTo?: string;
}

function parseAnswer(answer: OAuthAnswer): ParsedAnswer {
  if (!('url' in answer)) return { code: answer.code, state: answer.state };
  let url: URL;
  try {
    url = new URL(answer.url);
  } catch {
    throw new ApiError('validation_failed', 'url: is not a URL', {
      fields: [{ path: 'url', message: 'is not a URL' }],
    });
  }
  const param = (name: string) => url.searchParams.get(name) ?? undefined;
  return {
    state: param('state'),
    code: param('code'),
    error: param('error'),
    errorDescription: param('error_description'),
    returnedTo: `${url.origin}${url.pathname}`,
  };
}

interface TokenAnswer {
  access_token: string;
  expires_in?: number;
}

export function createFacebookOAuth({
  facebook,
  states,
  graph,
  connector,
}: {
  facebook: Pick<FacebookConfig, 'appId' | 'appSecret' | 'dialogBaseUrl' | 'apiVersion'>;
  states: OAuthStates;
  graph: GraphClient;
  connector: TokenConnector;
}): FacebookOAuth {
  const client = { client_id: facebook.appId, client_secret: facebook.appSecret };
  return {
    async start(workspaceId, redirectUrl) {
      const { state, expiresAt } = await states.issue(workspaceId, redirectUrl);
      const dialog = new URL(`${facebook.dialogBaseUrl}/${facebook.apiVersion}/dialog/oauth`);
      dialog.search = new URLSearchParams({
        client_id: facebook.appId,
        redirect_uri: redirectUrl,
        state,
        response_type: 'code',
        scope: FACEBOOK_SCOPES.join(','),
      }).toString();
      return { dialogUrl: dialog.toString(), state, expiresAt };
    },
    async complete(workspaceId, answer) {
      const parsed = parseAnswer(answer);
      if (!parsed.state) {
        throw new ApiError('oauth_state_invalid', 'The sign-in answer carries no state.');
      }
      const { redirectUrl } = await states.redeem(parsed.state, workspaceId);
      if (parsed.returnedTo !== undefined && parsed.returnedTo !== redirectUrl) {
        throw new ApiError(
          'oauth_redirect_mismatch',
          `The sign-in returned to ${parsed.returnedTo}, not to ${redirectUrl}.`,
        );
      }
      if (parsed.error) {
        // Cancel or "Not now" answers error=access_denied (reference §1.3).
        throw new ApiError(
          parsed.error === 'access_denied' ? 'facebook_consent_denied' : 'facebook_unknown',
          `Facebook answered ${parsed.error}: ${parsed.errorDescription ?? 'no description'}`,
        );
      }
      if (!parsed.code) {
        throw new ApiError('validation_failed', 'The sign-in answer carries no code.', {
          fields: [{ path: 'code', message: 'missing' }],
        });
      }
      const shortLived = await graph.request<TokenAnswer>({
        path: 'oauth/access_token',
        params: { ...client, redirect_uri: redirectUrl, code: parsed.code },
      });
      // Codes buy a short-lived token; there is no refresh token, so trade it at once (§1.6).
      const longLived = await graph.request<TokenAnswer>({
        path: 'oauth/access_token',
        params: {
          ...client,
          grant_type: 'fb_exchange_token',
          fb_exchange_token: shortLived.access_token,
        },
      });
      await connector.connect(workspaceId, 'user', longLived.access_token);
    },
  };
}
