import type { MiddlewareHandler } from 'hono';
import type { ApiKey, Permission } from './api-keys.ts';
import { brazeError } from './errors.ts';

export type AuthEnv = { Variables: { apiKey: ApiKey } };

/** `Authorization: Bearer <REST API key>` on every call; the old `api_key` parameter is gone. */
export function requireApiKey(keys: readonly ApiKey[]): MiddlewareHandler<AuthEnv> {
  const byKey = new Map(keys.map((key) => [key.key, key]));
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const apiKey = match?.[1] ? byKey.get(match[1]) : undefined;
    if (!apiKey) return brazeError(c, 401, 'Unauthorized: unknown or missing REST API key');
    c.set('apiKey', apiKey);
    await next();
  };
}

/**
 * A key without the endpoint's permission is refused. UNCONFIRMED: Braze documents 401 for
 * key problems and nothing more specific, so the emulator answers 401 naming the permission.
 */
export function requirePermission(permission: Permission): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!c.get('apiKey').permissions.includes(permission)) {
      return brazeError(
        c,
        401,
        `Unauthorized: this REST API key lacks the ${permission} permission`,
      );
    }
    await next();
  };
}
