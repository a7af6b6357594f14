import { Hono } from 'hono';
import {
  facebookStatusResponse,
  systemUserTokenRequest,
  systemUserTokenResponse,
} from '../../shared/relay-api/facebook.ts';
import { requireAdmin } from '../auth/require-session.ts';
import { availableAdAccountView, tokenStatusView } from '../facebook/connection/status-view.ts';
import type { FacebookServices } from '../facebook/facebook-services.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';

export const facebookConnectionOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/facebook/status',
    tag: 'facebook',
    access: 'session',
    summary: "The workspace's Facebook connection and its health",
    description:
      'Which token is in use, whether Facebook still accepts each token (and if not, why), scopes, expiry (`expiringSoon` under 7 days), and per chosen ad account the Custom Audience terms with the link to accept them. Checked afresh with `?refresh=true` or when the last check is over an hour old; the relay also checks daily.',
    queryParams: { refresh: '`true` to check with Facebook now.' },
    responses: { 200: { description: 'The status.', body: facebookStatusResponse } },
  },
  {
    method: 'delete',
    path: '/v1/facebook/connection',
    tag: 'facebook',
    access: 'admin',
    summary: 'Disconnect Facebook',
    description: 'Deletes both tokens and clears the chosen ad accounts.',
    responses: {
      200: { description: 'The status, now disconnected.', body: facebookStatusResponse },
    },
  },
  {
    method: 'put',
    path: '/v1/facebook/system-user-token',
    tag: 'facebook',
    access: 'admin',
    summary: 'Use a System User token',
    description:
      'Checked with /debug_token (valid, issued to this app, with ads_management), then stored encrypted and used for every Graph call instead of the user token. Answers with the ad accounts it can see.',
    requestBody: systemUserTokenRequest,
    responses: {
      200: { description: 'The token and its accounts.', body: systemUserTokenResponse },
    },
  },
  {
    method: 'delete',
    path: '/v1/facebook/system-user-token',
    tag: 'facebook',
    access: 'admin',
    summary: 'Stop using the System User token',
    description: 'Graph calls fall back to the user token, if there is one.',
    responses: { 200: { description: 'The status.', body: facebookStatusResponse } },
  },
];

export function facebookConnectionRoutes({
  facebook,
  jsonLimit,
  now,
}: {
  facebook: FacebookServices;
  jsonLimit: number;
  now: () => Date;
}) {
  return new Hono<RelayEnv>()
    .get('/facebook/status', async (c) => {
      const refresh = c.req.query('refresh') === 'true';
      return c.json(await facebook.health.status(c.get('session').workspaceId, { refresh }));
    })
    .delete('/facebook/connection', requireAdmin, async (c) => {
      const { workspaceId } = c.get('session');
      await facebook.tokens.removeAll(workspaceId);
      return c.json(await facebook.health.status(workspaceId));
    })
    .put(
      '/facebook/system-user-token',
      requireAdmin,
      jsonBody(systemUserTokenRequest, jsonLimit),
      async (c) => {
        const { workspaceId } = c.get('session');
        const record = await facebook.connector.connect(
          workspaceId,
          'system_user',
          c.req.valid('json').token,
        );
        const { accounts } = await facebook.adAccounts.available(workspaceId);
        return c.json({
          systemUser: tokenStatusView(record, now()),
          adAccounts: accounts.map(availableAdAccountView),
        });
      },
    )
    .delete('/facebook/system-user-token', requireAdmin, async (c) => {
      const { workspaceId } = c.get('session');
      await facebook.tokens.remove(workspaceId, 'system_user');
      return c.json(await facebook.health.status(workspaceId));
    });
}
