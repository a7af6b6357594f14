import { Hono } from 'hono';
import type { RelayEnv } from '../http/relay-env.ts';
import type { ApiOperation } from '../openapi/api-operation.ts';

export const openApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/openapi.json',
    tag: 'meta',
    access: 'public',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document of the /v1 API.' } },
  },
];

export function openApiRoutes(document: object) {
  return new Hono<RelayEnv>().get('/openapi.json', (c) => c.json(document));
}
