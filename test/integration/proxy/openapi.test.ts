import { afterEach, describe, expect, it } from 'vitest';
import type { RelayApp } from '../../../proxy/app.ts';
import { honoPath } from '../../../proxy/openapi/api-operation.ts';
import { startTestRelay, stopTestRelays } from './support/test-relay.ts';

afterEach(stopTestRelays);

type Document = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { security: unknown[]; responses: Record<string, unknown> }>
  >;
};

/** `METHOD /path` of every real /v1 handler the app registered (middleware excluded). */
function registeredRoutes(app: RelayApp): string[] {
  const routes = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/v1/'))
    .map((route) => `${route.method} ${route.path}`);
  return [...new Set(routes)].sort();
}

describe('GET /v1/openapi.json', () => {
  it('documents exactly the routes the relay serves', async () => {
    const { call, relay } = await startTestRelay();
    const response = await call('/v1/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as Document;
    expect(document.openapi).toBe('3.1.0');
    const documented = Object.entries(document.paths)
      .flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${honoPath(path)}`),
      )
      .sort();
    expect(documented).toEqual(registeredRoutes(relay.app));
  });

  it('says which operations need a session, and documents their errors', async () => {
    const { call } = await startTestRelay();
    const document = (await (await call('/v1/openapi.json')).json()) as Document;
    const session = document.paths['/v1/session']?.post;
    expect(session?.security).toEqual([]);
    expect(Object.keys(session?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '413', '415']),
    );
    const revoke = document.paths['/v1/keys/{keyId}']?.delete;
    expect(revoke?.security).toEqual([{ session: [] }]);
    expect(Object.keys(revoke?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '401', '403', '404']),
    );
  });
});
