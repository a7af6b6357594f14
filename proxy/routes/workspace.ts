import { Hono } from 'hono';
import { type WorkspaceResponse, workspaceResponse } from '../../shared/relay-api/workspace.ts';
import { ApiError } from '../http/api-error.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';
import type { WorkspaceRepository } from '../store/workspaces.ts';

export const workspaceOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/workspace',
    tag: 'access',
    access: 'session',
    summary: 'Who am I',
    description: "The session's workspace and role, so the extension can check its credential.",
    responses: { 200: { description: 'The workspace and role.', body: workspaceResponse } },
  },
];

export function workspaceRoutes({ workspaces }: { workspaces: WorkspaceRepository }) {
  return new Hono<RelayEnv>().get('/workspace', async (c) => {
    const session = c.get('session');
    const workspace = await workspaces.get(session.workspaceId);
    if (!workspace) throw new ApiError('not_found', 'This workspace no longer exists.');
    return c.json({
      workspace: { id: workspace.id, name: workspace.name },
      role: session.role,
      keyId: session.keyId,
    } satisfies WorkspaceResponse);
  });
}
