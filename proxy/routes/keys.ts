import { Hono } from 'hono';
import {
  type ApiKeySummary,
  createdKeyResponse,
  createKeyRequest,
  listKeysResponse,
  revokedKeyResponse,
} from '../../shared/relay-api/keys.ts';
import { keyState } from '../auth/key-state.ts';
import { requireAdmin } from '../auth/require-session.ts';
import type { WorkspaceAdmin } from '../auth/workspace-admin.ts';
import { ApiError } from '../http/api-error.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { ApiKeyRecord } from '../store/api-keys.ts';

export const keyOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/keys',
    tag: 'keys',
    access: 'admin',
    summary: "List the workspace's keys",
    responses: { 200: { description: 'Every key, oldest first.', body: listKeysResponse } },
  },
  {
    method: 'post',
    path: '/v1/keys',
    tag: 'keys',
    access: 'admin',
    summary: 'Create a key',
    description: 'The key itself is in the response once; the relay keeps only its hash.',
    requestBody: createKeyRequest,
    responses: { 201: { description: 'The new key.', body: createdKeyResponse } },
  },
  {
    method: 'delete',
    path: '/v1/keys/{keyId}',
    tag: 'keys',
    access: 'admin',
    summary: 'Revoke a key',
    description: 'Sessions made with the key stop working at once. Revoking twice is harmless.',
    pathParams: { keyId: 'The key id (the part after `ar_live_`, before the next `_`).' },
    responses: { 200: { description: 'The revoked key.', body: revokedKeyResponse } },
  },
];

export function keyRoutes({
  admin,
  jsonLimit,
  now,
}: {
  admin: WorkspaceAdmin;
  jsonLimit: number;
  now: () => Date;
}) {
  const summary = (key: ApiKeyRecord): ApiKeySummary => ({
    id: key.id,
    role: key.role,
    label: key.label,
    state: keyState(key, now()),
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  });
  return new Hono<RelayEnv>()
    .get('/keys', requireAdmin, async (c) => {
      const keys = await admin.listKeys(c.get('session').workspaceId);
      return c.json({ keys: keys.map(summary) });
    })
    .post('/keys', requireAdmin, jsonBody(createKeyRequest, jsonLimit), async (c) => {
      const { role, label, expiresInDays } = c.req.valid('json');
      const issued = await admin.issueKey(c.get('session').workspaceId, {
        role,
        label: label ?? null,
        ...(expiresInDays ? { expiresInDays } : {}),
      });
      if (!issued) throw new ApiError('not_found', 'This workspace no longer exists.');
      return c.json({ key: summary(issued.record), apiKey: issued.apiKey }, 201);
    })
    .delete('/keys/:keyId', requireAdmin, async (c) => {
      const revoked = await admin.revokeKey(c.get('session').workspaceId, c.req.param('keyId'));
      if (!revoked) throw new ApiError('not_found', 'This workspace has no such key.');
      return c.json({ key: summary(revoked) });
    });
}
