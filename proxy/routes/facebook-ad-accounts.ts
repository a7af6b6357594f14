import { Hono } from 'hono';
import {
  availableAdAccountsResponse,
  connectAdAccountsRequest,
  connectedAdAccountsResponse,
} from '../../shared/relay-api/facebook.ts';
import { requireAdmin } from '../auth/require-session.ts';
import {
  availableAdAccountView,
  connectedAdAccountView,
} from '../facebook/connection/status-view.ts';
import type { FacebookServices } from '../facebook/facebook-services.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';

export const facebookAdAccountOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/facebook/ad-accounts',
    tag: 'facebook',
    access: 'session',
    summary: 'Ad accounts the Facebook token can see',
    description:
      'Every ad account the token in use can see (all pages), with status, business, Custom Audience terms and whether the workspace uses it. `facebook_not_connected` (409) without a token.',
    responses: { 200: { description: 'The accounts.', body: availableAdAccountsResponse } },
  },
  {
    method: 'get',
    path: '/v1/facebook/connected-ad-accounts',
    tag: 'facebook',
    access: 'session',
    summary: 'Ad accounts the workspace uses',
    description: 'As of the last check (see GET /v1/facebook/status to check again).',
    responses: { 200: { description: 'The chosen accounts.', body: connectedAdAccountsResponse } },
  },
  {
    method: 'put',
    path: '/v1/facebook/connected-ad-accounts',
    tag: 'facebook',
    access: 'admin',
    summary: 'Choose the ad accounts the workspace uses',
    description:
      'Replaces the whole set. Every account must be visible to the token in use, or nothing changes (`facebook_ad_account_not_visible`, naming them in `adAccountIds`).',
    requestBody: connectAdAccountsRequest,
    responses: { 200: { description: 'The chosen accounts.', body: connectedAdAccountsResponse } },
  },
];

export function facebookAdAccountRoutes({
  facebook,
  jsonLimit,
}: {
  facebook: FacebookServices;
  jsonLimit: number;
}) {
  return new Hono<RelayEnv>()
    .get('/facebook/ad-accounts', async (c) => {
      const { graph, accounts } = await facebook.adAccounts.available(c.get('session').workspaceId);
      return c.json({
        tokenInUse: graph.tokenKind,
        adAccounts: accounts.map(availableAdAccountView),
      });
    })
    .get('/facebook/connected-ad-accounts', async (c) => {
      const accounts = await facebook.adAccounts.connected(c.get('session').workspaceId);
      return c.json({ adAccounts: accounts.map(connectedAdAccountView) });
    })
    .put(
      '/facebook/connected-ad-accounts',
      requireAdmin,
      jsonBody(connectAdAccountsRequest, jsonLimit),
      async (c) => {
        const accounts = await facebook.adAccounts.connect(
          c.get('session').workspaceId,
          c.req.valid('json').adAccountIds,
        );
        return c.json({ adAccounts: accounts.map(connectedAdAccountView) });
      },
    );
}
