import type { z } from 'zod';

/**
 * The documentation of one `/v1` route, kept beside the route itself. The OpenAPI document is
 * built from these, the session middleware lets `public` ones through, and a test checks that
 * they and the app's routes match one for one.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI form: `/v1/keys/{keyId}`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** `public`: no session; `session`: any role; `admin`: admins only (marketers get 403). */
  access: 'public' | 'session' | 'admin';
  pathParams?: Record<string, string>;
  /** Optional query parameters: name → description. */
  queryParams?: Record<string, string>;
  requestBody?: z.ZodType;
  responses: Record<number, { description: string; body?: z.ZodType }>;
}

/** `/v1/keys/{keyId}` → `/v1/keys/:keyId`, as Hono writes paths. */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
