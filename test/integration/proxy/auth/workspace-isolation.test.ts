import { afterEach, describe, expect, it } from 'vitest';
import { API_OPERATIONS } from '../../../../proxy/app.ts';
import { honoPath } from '../../../../proxy/openapi/api-operation.ts';
import { errorCode, startTestRelay, stopTestRelays } from '../support/test-relay.ts';

afterEach(stopTestRelays);

describe('workspace isolation', () => {
  it('shows a workspace only its own keys', async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const acme = await workspaceWithUsers('Acme');
    const globex = await workspaceWithUsers('Globex');
    const listed = await (await call('/v1/keys', { token: globex.adminToken })).json();
    expect(listed.keys.map((key: { id: string }) => key.id).sort()).toEqual(
      [globex.adminKey.record.id, globex.marketerKey.record.id].sort(),
    );
    const me = await (await call('/v1/workspace', { token: globex.adminToken })).json();
    expect(me.workspace.id).toBe(globex.workspace.id);
    expect(JSON.stringify(listed)).not.toContain(acme.workspace.id);
  });

  it("answers another workspace's key ids with 404 and leaves them untouched", async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const acme = await workspaceWithUsers('Acme');
    const globex = await workspaceWithUsers('Globex');
    const attempt = await call(`/v1/keys/${acme.marketerKey.record.id}`, {
      method: 'DELETE',
      token: globex.adminToken,
    });
    expect(attempt.status).toBe(404);
    expect(await errorCode(attempt)).toBe('not_found');
    expect((await call('/v1/workspace', { token: acme.marketerToken })).status).toBe(200);
  });

  it('lets an admin create and revoke keys of their own workspace', async () => {
    const { call, sessionFor, workspaceWithUsers } = await startTestRelay();
    const acme = await workspaceWithUsers('Acme');
    const created = await call('/v1/keys', {
      method: 'POST',
      token: acme.adminToken,
      body: { role: 'marketer', label: 'Dana' },
    });
    expect(created.status).toBe(201);
    const { key, apiKey } = await created.json();
    expect(key).toMatchObject({ role: 'marketer', label: 'Dana', state: 'active' });
    const token = await sessionFor(apiKey);
    const revoked = await call(`/v1/keys/${key.id}`, { method: 'DELETE', token: acme.adminToken });
    expect((await revoked.json()).key).toMatchObject({ id: key.id, state: 'revoked' });
    expect((await call('/v1/workspace', { token })).status).toBe(401);
  });
});

describe('roles', () => {
  const adminOnly = API_OPERATIONS.filter((operation) => operation.access === 'admin');

  it('has admin-only operations to check', () => {
    expect(adminOnly.length).toBeGreaterThan(0);
  });

  it.each(adminOnly.map((operation) => [operation.method, operation.path]))(
    'refuses marketers on %s %s with 403',
    async (method, path) => {
      const { call, workspaceWithUsers } = await startTestRelay();
      const acme = await workspaceWithUsers('Acme');
      const url = honoPath(path).replace(/:\w+/g, acme.marketerKey.record.id);
      const response = await call(url, {
        method: method.toUpperCase(),
        token: acme.marketerToken,
        ...(method === 'post' ? { body: { role: 'admin' } } : {}),
      });
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('forbidden');
    },
  );

  it('lets marketers check who they are', async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const acme = await workspaceWithUsers('Acme');
    const me = await (await call('/v1/workspace', { token: acme.marketerToken })).json();
    expect(me).toMatchObject({ role: 'marketer', workspace: { name: 'Acme' } });
  });
});
