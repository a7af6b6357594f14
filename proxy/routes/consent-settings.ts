import { Hono } from 'hono';
import { resolveConsentSettings } from '../../shared/consent-settings.ts';
import { consentDefaultsRequest, consentDefaultsResponse } from '../../shared/relay-api/consent.ts';
import { requireAdmin } from '../auth/require-session.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { ConsentDefaultsRepository } from '../store/consent-defaults.ts';

export const consentSettingsOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/settings/consent',
    tag: 'settings',
    access: 'session',
    summary: "The workspace's consent defaults",
    description:
      'The filters every export (and sync) starts from unless it chooses otherwise: the built-in ones until an admin saves others.',
    responses: { 200: { description: 'The defaults.', body: consentDefaultsResponse } },
  },
  {
    method: 'put',
    path: '/v1/settings/consent',
    tag: 'settings',
    access: 'admin',
    summary: "Change the workspace's consent defaults",
    description:
      'Replaces them as a whole. Exports already created keep the settings they resolved when they were created.',
    requestBody: consentDefaultsRequest,
    responses: { 200: { description: 'The saved defaults.', body: consentDefaultsResponse } },
  },
];

export function consentSettingsRoutes({
  consentDefaults,
  jsonLimit,
  now,
}: {
  consentDefaults: ConsentDefaultsRepository;
  jsonLimit: number;
  now: () => Date;
}) {
  const view = async (workspaceId: string) => {
    const saved = await consentDefaults.get(workspaceId);
    return {
      settings: resolveConsentSettings(saved?.settings),
      updatedAt: saved?.updatedAt.toISOString() ?? null,
    };
  };
  return new Hono<RelayEnv>()
    .get('/settings/consent', async (c) => c.json(await view(c.get('session').workspaceId)))
    .put(
      '/settings/consent',
      requireAdmin,
      jsonBody(consentDefaultsRequest, jsonLimit),
      async (c) => {
        const { workspaceId } = c.get('session');
        await consentDefaults.put(workspaceId, { settings: c.req.valid('json'), updatedAt: now() });
        return c.json(await view(workspaceId));
      },
    );
}
