import { Hono } from 'hono';
import {
  brazeResolveRequest,
  brazeResolveResponse,
  brazeSegmentsResponse,
  brazeSettingsRequest,
  brazeSettingsResponse,
} from '../../shared/relay-api/braze.ts';
import { requireAdmin } from '../auth/require-session.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { BrazeSettings } from '../sources/braze/braze-settings.ts';
import { listBrazeSegments, resolveBrazeSegment } from '../sources/braze/segments.ts';

export const brazeSourceOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/sources/braze',
    tag: 'braze',
    access: 'session',
    summary: "The workspace's Braze REST settings",
    description:
      'The REST endpoint and a masked hint of the key; the key itself is never returned.',
    responses: { 200: { description: 'The settings.', body: brazeSettingsResponse } },
  },
  {
    method: 'put',
    path: '/v1/sources/braze',
    tag: 'braze',
    access: 'admin',
    summary: 'Connect the Braze REST API',
    description:
      'The REST endpoint (or a dashboard address to derive it from) and a REST API key, checked with `GET /segments/list?page=0` before the key is stored, encrypted. A key Braze rejects gives `braze_key_rejected`; one without the permission, `braze_permission_missing`.',
    requestBody: brazeSettingsRequest,
    responses: { 200: { description: 'The saved settings.', body: brazeSettingsResponse } },
  },
  {
    method: 'delete',
    path: '/v1/sources/braze',
    tag: 'braze',
    access: 'admin',
    summary: 'Disconnect Braze',
    description: 'Deletes the stored endpoint and key.',
    responses: { 200: { description: 'The settings, now empty.', body: brazeSettingsResponse } },
  },
  {
    method: 'get',
    path: '/v1/sources/braze/segments',
    tag: 'braze',
    access: 'session',
    summary: 'Active Braze segments',
    description: 'Every page of `/segments/list`, oldest first; archived segments are not listed.',
    responses: { 200: { description: 'The segments.', body: brazeSegmentsResponse } },
  },
  {
    method: 'post',
    path: '/v1/sources/braze/segments/resolve',
    tag: 'braze',
    access: 'session',
    summary: "A dashboard segment page's API identifier",
    description:
      'By the API identifier when the page showed it (checked with `/segments/details`), else by exact name. `braze_segment_not_found` when none; `braze_segment_ambiguous` with `candidates` (id, name, tags) when several segments share the name.',
    requestBody: brazeResolveRequest,
    responses: { 200: { description: 'The segment.', body: brazeResolveResponse } },
  },
];

export function brazeSourceRoutes({
  braze,
  jsonLimit,
}: {
  braze: BrazeSettings;
  jsonLimit: number;
}) {
  return new Hono<RelayEnv>()
    .get('/sources/braze', async (c) => c.json(await braze.view(c.get('session').workspaceId)))
    .put('/sources/braze', requireAdmin, jsonBody(brazeSettingsRequest, jsonLimit), async (c) =>
      c.json(await braze.save(c.get('session').workspaceId, c.req.valid('json'))),
    )
    .delete('/sources/braze', requireAdmin, async (c) => {
      const { workspaceId } = c.get('session');
      await braze.remove(workspaceId);
      return c.json(await braze.view(workspaceId));
    })
    .get('/sources/braze/segments', async (c) => {
      const client = await braze.client(c.get('session').workspaceId);
      return c.json({ segments: await listBrazeSegments(client, c.req.raw.signal) });
    })
    .post(
      '/sources/braze/segments/resolve',
      jsonBody(brazeResolveRequest, jsonLimit),
      async (c) => {
        const client = await braze.client(c.get('session').workspaceId);
        return c.json({ segment: await resolveBrazeSegment(client, c.req.valid('json')) });
      },
    );
}
