import { describe, expect, it } from 'vitest';
import { errorCode } from '../support/test-relay.ts';
import { useSyncRelay } from './sync-harness.ts';

const start = useSyncRelay();

describe('syncs belong to their workspace', () => {
  it('another workspace can neither see, change, run nor read the secret of a sync', async () => {
    const relay = await start();
    const { sync, secret } = await relay.activeSync();
    const stranger = await relay.workspaceWithUsers('Globex');
    await relay.connectFacebook(stranger.adminToken);
    const token = stranger.adminToken;
    const attempts: [string, string, object?][] = [
      ['GET', ''],
      ['PATCH', '', { name: 'Mine now' }],
      ['GET', '/launch-check'],
      ['POST', '/launch'],
      ['POST', '/pause'],
      ['POST', '/resume'],
      ['GET', '/secret'],
      ['POST', '/secret/rotate'],
      ['GET', '/metrics'],
      ['DELETE', ''],
    ];
    for (const [method, path, body] of attempts) {
      const response = await relay.call(`/v1/syncs/${sync.id}${path}`, { method, token, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await errorCode(response)).toBe('not_found');
    }
    const list = await (await relay.call('/v1/syncs', { token })).json();
    expect(list.syncs).toEqual([]);
    // Untouched, still working, same secret.
    expect(await relay.getSync(sync.id)).toMatchObject({ name: sync.name, status: 'active' });
    expect(await relay.secretOf(sync.id)).toBe(secret);
    expect((await relay.ingest(sync.ingestUrl, { email: 'a@example.com' }, secret)).status).toBe(
      202,
    );
  });

  it('needs a session for every management route', async () => {
    const relay = await start();
    const { sync } = await relay.activeSync();
    for (const path of ['', '/secret', '/metrics', '/launch-check']) {
      const response = await relay.call(`/v1/syncs/${sync.id}${path}`);
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('unauthenticated');
    }
  });
});
