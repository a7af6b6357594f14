import { cors } from 'hono/cors';

/**
 * CORS for the browser extension only: the configured `chrome-extension://` and
 * `moz-extension://` origins get `Access-Control-Allow-Origin`, every other origin none.
 * (A host permission also lets the extension through without CORS; this covers relays the
 * extension has no permission for.)
 */
export function extensionCors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
}
