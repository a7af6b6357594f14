import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { adAccountId } from '../../shared/relay-api/ad-account-id.ts';
import {
  createSyncRequest,
  launchCheckResponse,
  syncableAudiencesResponse,
  syncListResponse,
  syncMetricsResponse,
  syncSecretResponse,
  syncView,
  updateSyncRequest,
} from '../../shared/relay-api/syncs.ts';
import { requireAdmin } from '../auth/require-session.ts';
import type { FacebookServices } from '../facebook/facebook-services.ts';
import { jsonBody, validated } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { SyncManager, ViewContext } from '../syncs/manage/sync-manager.ts';
import { listSyncableAudiences } from '../syncs/manage/syncable-audiences.ts';

const syncId = { syncId: 'The sync id.' };
const oneSync = (description: string) => ({ description, body: syncView });

export const syncOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/syncs',
    tag: 'syncs',
    access: 'session',
    summary: "The workspace's continuous syncs, oldest first",
    responses: { 200: { description: 'The syncs.', body: syncListResponse } },
  },
  {
    method: 'post',
    path: '/v1/syncs',
    tag: 'syncs',
    access: 'session',
    summary: 'Create a sync (a draft)',
    description:
      'Saved as a draft, possibly incomplete; launch checks it. The ingest secret is made at once (GET /v1/syncs/{syncId}/secret).',
    requestBody: createSyncRequest,
    responses: { 201: oneSync('The new draft.') },
  },
  {
    method: 'get',
    path: '/v1/syncs/{syncId}',
    tag: 'syncs',
    access: 'session',
    summary: 'One sync with its counts',
    pathParams: syncId,
    responses: { 200: oneSync('The sync.') },
  },
  {
    method: 'patch',
    path: '/v1/syncs/{syncId}',
    tag: 'syncs',
    access: 'session',
    summary: 'Change a sync',
    description:
      'A draft may change anything. Once launched only `name`, `consent` and `defaultCountry` may change; changing the ad account, audience, action or fields is `sync_not_editable` (409, naming them in `fields`).',
    pathParams: syncId,
    requestBody: updateSyncRequest,
    responses: { 200: oneSync('The sync as changed.') },
  },
  {
    method: 'delete',
    path: '/v1/syncs/{syncId}',
    tag: 'syncs',
    access: 'session',
    summary: 'Delete a sync, its queue and its secret',
    description: 'Users still queued are dropped; the Facebook audience stays.',
    pathParams: syncId,
    responses: { 204: { description: 'Deleted.' } },
  },
  {
    method: 'get',
    path: '/v1/syncs/{syncId}/launch-check',
    tag: 'syncs',
    access: 'session',
    summary: 'Whether the sync may launch, and every reason why not',
    description: 'The checks launch makes, without launching. Warnings do not stop a launch.',
    pathParams: syncId,
    responses: { 200: { description: 'The check.', body: launchCheckResponse } },
  },
  {
    method: 'post',
    path: '/v1/syncs/{syncId}/launch',
    tag: 'syncs',
    access: 'session',
    summary: 'Launch a draft sync',
    description:
      'Checks it (refused: `sync_launch_refused`, 422, with `refusals` and `warnings`), creates a new audience on Facebook, and makes the sync active. A sync already launched is returned as it is.',
    pathParams: syncId,
    responses: { 200: oneSync('The active sync.') },
  },
  {
    method: 'post',
    path: '/v1/syncs/{syncId}/pause',
    tag: 'syncs',
    access: 'session',
    summary: 'Pause a launched sync',
    description:
      'Ingest answers `sync_not_active` (409) and delivery stops; queued users wait. A draft is `sync_not_active`.',
    pathParams: syncId,
    responses: { 200: oneSync('The paused sync.') },
  },
  {
    method: 'post',
    path: '/v1/syncs/{syncId}/resume',
    tag: 'syncs',
    access: 'session',
    summary: 'Resume a paused or errored sync',
    description:
      'Runs the launch checks again (`sync_launch_refused` while the cause is not fixed), clears the error and delivers what was queued.',
    pathParams: syncId,
    responses: { 200: oneSync('The active sync.') },
  },
  {
    method: 'get',
    path: '/v1/syncs/{syncId}/secret',
    tag: 'syncs',
    access: 'admin',
    summary: "The sync's ingest secret",
    description: 'Send it as `Authorization: Bearer <secret>` to the ingest URL.',
    pathParams: syncId,
    responses: { 200: { description: 'The secret.', body: syncSecretResponse } },
  },
  {
    method: 'post',
    path: '/v1/syncs/{syncId}/secret/rotate',
    tag: 'syncs',
    access: 'admin',
    summary: 'Replace the ingest secret',
    description: 'The old secret stops working at once.',
    pathParams: syncId,
    responses: { 200: { description: 'The new secret.', body: syncSecretResponse } },
  },
  {
    method: 'get',
    path: '/v1/syncs/{syncId}/metrics',
    tag: 'syncs',
    access: 'session',
    summary: 'Totals and per-minute series of a sync',
    pathParams: syncId,
    queryParams: { hours: 'How far back the series goes (1-48, default 6).' },
    responses: { 200: { description: 'The metrics.', body: syncMetricsResponse } },
  },
  {
    method: 'get',
    path: '/v1/facebook/ad-accounts/{adAccountId}/syncable-audiences',
    tag: 'syncs',
    access: 'session',
    summary: "An ad account's customer-file audiences, and which a sync can use",
    description:
      'Value-based, integrity-flagged (471) and not editable audiences are listed with `usable: false` and the reason.',
    pathParams: { adAccountId: 'With or without `act_`.' },
    responses: { 200: { description: 'The audiences.', body: syncableAudiencesResponse } },
  },
];

const metricsQuery = z.object({ hours: z.coerce.number().int().min(1).max(48).default(6) });

export interface SyncRoutesOptions {
  syncs: SyncManager;
  facebook: FacebookServices;
  jsonLimit: number;
  /** `RELAY_PUBLIC_URL`; without it, ingest URLs use the request's origin. */
  publicUrl?: string;
}

export function syncRoutes({ syncs, facebook, jsonLimit, publicUrl }: SyncRoutesOptions) {
  const context = (c: Context<RelayEnv>): ViewContext => ({
    publicBase: publicUrl ?? new URL(c.req.url).origin,
  });
  const workspace = (c: Context<RelayEnv>) => c.get('session').workspaceId;
  const id = (c: Context<RelayEnv>) => c.req.param('syncId') ?? '';
  return new Hono<RelayEnv>()
    .get('/syncs', async (c) => c.json({ syncs: await syncs.list(workspace(c), context(c)) }))
    .post('/syncs', jsonBody(createSyncRequest, jsonLimit), async (c) =>
      c.json(await syncs.create(workspace(c), c.req.valid('json'), context(c)), 201),
    )
    .get('/syncs/:syncId', async (c) => c.json(await syncs.get(workspace(c), id(c), context(c))))
    .patch('/syncs/:syncId', jsonBody(updateSyncRequest, jsonLimit), async (c) =>
      c.json(await syncs.update(workspace(c), id(c), c.req.valid('json'), context(c))),
    )
    .delete('/syncs/:syncId', async (c) => {
      await syncs.delete(workspace(c), id(c));
      return c.body(null, 204);
    })
    .get('/syncs/:syncId/launch-check', async (c) =>
      c.json(await syncs.launchCheck(workspace(c), id(c))),
    )
    .post('/syncs/:syncId/launch', async (c) =>
      c.json(await syncs.launch(workspace(c), id(c), context(c))),
    )
    .post('/syncs/:syncId/pause', async (c) =>
      c.json(await syncs.pause(workspace(c), id(c), context(c))),
    )
    .post('/syncs/:syncId/resume', async (c) =>
      c.json(await syncs.resume(workspace(c), id(c), context(c))),
    )
    .get('/syncs/:syncId/secret', requireAdmin, async (c) =>
      c.json(await syncs.secret(workspace(c), id(c))),
    )
    .post('/syncs/:syncId/secret/rotate', requireAdmin, async (c) =>
      c.json(await syncs.rotateSecret(workspace(c), id(c))),
    )
    .get('/syncs/:syncId/metrics', async (c) => {
      const { hours } = validated(metricsQuery, { hours: c.req.query('hours') });
      return c.json(await syncs.metrics(workspace(c), id(c), hours));
    })
    .get('/facebook/ad-accounts/:adAccountId/syncable-audiences', async (c) => {
      const audiences = await listSyncableAudiences(
        facebook.graphs,
        workspace(c),
        validated(adAccountId, c.req.param('adAccountId')),
      );
      return c.json({ audiences });
    });
}
