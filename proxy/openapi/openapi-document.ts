import { z } from 'zod';
import { errorResponse } from '../../shared/relay-api/errors.ts';
import type { ApiOperation } from './api-operation.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

const json = (schema: object) => ({ 'application/json': { schema } });
const errorRef = { $ref: '#/components/schemas/Error' };

/** Error responses shared by many operations, named by what causes them. */
const ERROR_RESPONSES = {
  Unauthenticated:
    'No valid session: `unauthenticated`, `session_expired`, `api_key_revoked`, `api_key_expired`.',
  Forbidden: '`forbidden`: the session is a marketer’s and the route is for admins.',
  NotFound:
    '`not_found`: nothing with this id in the session’s workspace (other workspaces’ ids included).',
  InvalidBody: '`validation_failed` (with `fields`), `malformed_json`.',
  PayloadTooLarge: '`payload_too_large` (with `limitBytes`).',
  UnsupportedMediaType: '`unsupported_media_type`: the body must be application/json.',
  Error: 'Any other error, e.g. `internal`; `code` is in the error catalog.',
} as const;
const use = (name: keyof typeof ERROR_RESPONSES) => ({ $ref: `#/components/responses/${name}` });

const parameters = (described: Record<string, string> = {}, where: 'path' | 'query') =>
  Object.entries(described).map(([name, description]) => ({
    name,
    in: where,
    required: where === 'path',
    description,
    schema: { type: 'string' },
  }));

function operationObject(operation: ApiOperation) {
  const responses: Record<string, object> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.body ? { content: json(jsonSchema(response.body, 'output')) } : {}),
    };
  }
  if (operation.requestBody) {
    responses[400] = use('InvalidBody');
    responses[413] = use('PayloadTooLarge');
    responses[415] = use('UnsupportedMediaType');
  }
  if (operation.access !== 'public') responses[401] = use('Unauthenticated');
  if (operation.access === 'admin') responses[403] = use('Forbidden');
  if (operation.pathParams) responses[404] = use('NotFound');
  responses.default = use('Error');
  return {
    operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(\w)?/g, (_, next = '') => next.toUpperCase())}`,
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: operation.access === 'public' ? [] : [{ session: [] }],
    ...(operation.access === 'admin' ? { 'x-required-role': 'admin' } : {}),
    ...(operation.pathParams || operation.queryParams
      ? {
          parameters: [
            ...parameters(operation.pathParams, 'path'),
            ...parameters(operation.queryParams, 'query'),
          ],
        }
      : {}),
    ...(operation.requestBody
      ? {
          requestBody: {
            required: true,
            content: json(jsonSchema(operation.requestBody, 'input')),
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the `/v1` API, built from the routes' own operations. */
export function buildOpenApiDocument(operations: readonly ApiOperation[], version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const operation of operations) {
    paths[operation.path] = {
      ...paths[operation.path],
      [operation.method]: operationObject(operation),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Audience Relay API',
      version,
      description:
        'The relay behind the Audience Relay extension. Start a session with a workspace key (`POST /v1/session`), then send `Authorization: Bearer <token>`. Errors are `{error: {code, message, requestId}}`; each code is explained in the shared error catalog.',
    },
    paths,
    components: {
      securitySchemes: {
        session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
      schemas: { Error: jsonSchema(errorResponse, 'output') },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([name, description]) => [
          name,
          { description, content: json(errorRef) },
        ]),
      ),
    },
  };
}
