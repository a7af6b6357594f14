import { Hono } from 'hono';
import { errorResponse } from '../../shared/relay-api/errors.ts';
import {
  createSessionRequest,
  type SessionResponse,
  sessionResponse,
} from '../../shared/relay-api/session.ts';
import type { Authenticator } from '../auth/authenticator.ts';
import { jsonBody } from '../http/json-body.ts';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';

export const sessionOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/session',
    tag: 'access',
    access: 'public',
    summary: 'Start a session with a workspace key',
    description:
      'Exchanges a workspace key for a session token that lasts about 15 minutes (never longer than the key). Revoking the key ends its sessions at once.',
    requestBody: createSessionRequest,
    responses: {
      200: { description: 'The session.', body: sessionResponse },
      401: {
        description: '`invalid_api_key`, `api_key_revoked` or `api_key_expired`.',
        body: errorResponse,
      },
    },
  },
];

export function sessionRoutes({
  authenticator,
  jsonLimit,
}: {
  authenticator: Authenticator;
  jsonLimit: number;
}) {
  return new Hono<RelayEnv>().post(
    '/session',
    jsonBody(createSessionRequest, jsonLimit),
    async (c) => {
      const session = await authenticator.startSession(c.req.valid('json').apiKey);
      return c.json({
        token: session.token,
        tokenType: 'Bearer',
        expiresAt: session.expiresAt.toISOString(),
        workspace: { id: session.workspace.id, name: session.workspace.name },
        role: session.key.role,
        keyId: session.key.id,
      } satisfies SessionResponse);
    },
  );
}
