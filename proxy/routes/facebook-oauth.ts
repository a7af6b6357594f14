import { Hono } from 'hono';
import {
  facebookStatusResponse,
  oauthCompleteRequest,
  oauthStartRequest,
  oauthStartResponse,
} from '../../shared/relay-api/facebook.ts';
import { requireAdmin } from '../auth/require-session.ts';
import type { FacebookServices } from '../facebook/facebook-services.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';

export const facebookOAuthOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/facebook/oauth/start',
    tag: 'facebook',
    access: 'admin',
    summary: 'Start connecting Facebook',
    description:
      'Returns the Facebook login dialog URL (scopes ads_management and business_management) for `identity.launchWebAuthFlow`, with a state that is signed, lasts 10 minutes, works once and only for this workspace and redirect URL.',
    requestBody: oauthStartRequest,
    responses: { 200: { description: 'The dialog to open.', body: oauthStartResponse } },
  },
  {
    method: 'post',
    path: '/v1/facebook/oauth/complete',
    tag: 'facebook',
    access: 'admin',
    summary: 'Finish connecting Facebook',
    description:
      'Send the URL the dialog redirected to (or its code and state). The relay checks the state, trades the code for a long-lived token with the app secret, checks the token with /debug_token and stores it encrypted. Errors: `oauth_state_invalid`, `oauth_state_expired`, `oauth_state_used`, `oauth_redirect_mismatch`, `facebook_consent_denied` (Cancel), `facebook_oauth_code_used`, `facebook_oauth_code_expired`, `facebook_ads_management_missing`, `facebook_token_wrong_app`.',
    requestBody: oauthCompleteRequest,
    responses: {
      200: { description: 'The connection, now in place.', body: facebookStatusResponse },
    },
  },
];

export function facebookOAuthRoutes({
  facebook,
  jsonLimit,
}: {
  facebook: FacebookServices;
  jsonLimit: number;
}) {
  return new Hono<RelayEnv>()
    .post(
      '/facebook/oauth/start',
      requireAdmin,
      jsonBody(oauthStartRequest, jsonLimit),
      async (c) => {
        const { workspaceId } = c.get('session');
        const started = await facebook.oauth.start(workspaceId, c.req.valid('json').redirectUrl);
        return c.json({ ...started, expiresAt: started.expiresAt.toISOString() });
      },
    )
    .post(
      '/facebook/oauth/complete',
      requireAdmin,
      jsonBody(oauthCompleteRequest, jsonLimit),
      async (c) => {
        const { workspaceId } = c.get('session');
        await facebook.oauth.complete(workspaceId, c.req.valid('json'));
        return c.json(await facebook.health.status(workspaceId));
      },
    );
}
