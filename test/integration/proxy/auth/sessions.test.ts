import { afterEach, describe, expect, it } from 'vitest';
import { DAY, MINUTE, manualClock } from '../../../support/manual-clock.ts';
import { errorCode, startTestRelay, stopTestRelays } from '../support/test-relay.ts';

afterEach(stopTestRelays);

describe('POST /v1/session', () => {
  it('exchanges a workspace key for a short-lived session', async () => {
    const clock = manualClock();
    const { call, admin } = await startTestRelay({ clock });
    const { workspace, adminKey } = await admin.createWorkspace('Acme');
    const response = await call('/v1/session', {
      method: 'POST',
      body: { apiKey: adminKey.apiKey },
    });
    expect(response.status).toBe(200);
    const session = await response.json();
    expect(session).toEqual({
      token: expect.stringMatching(/^eyJ/),
      tokenType: 'Bearer',
      expiresAt: new Date(clock.now().getTime() + 15 * MINUTE).toISOString(),
      workspace: { id: workspace.id, name: 'Acme' },
      role: 'admin',
      keyId: adminKey.record.id,
    });
    const me = await call('/v1/workspace', { token: session.token });
    expect(await me.json()).toEqual({
      workspace: { id: workspace.id, name: 'Acme' },
      role: 'admin',
      keyId: adminKey.record.id,
    });
  });

  it('refuses unknown, mistyped and tampered keys alike', async () => {
    const { call, admin } = await startTestRelay();
    const { adminKey } = await admin.createWorkspace('Acme');
    const lastChar = adminKey.apiKey.at(-1) === 'A' ? 'B' : 'A';
    for (const apiKey of [
      'ar_live_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'not a key',
      `${adminKey.apiKey.slice(0, -1)}${lastChar}`,
    ]) {
      const response = await call('/v1/session', { method: 'POST', body: { apiKey } });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('invalid_api_key');
    }
  });

  it('records when a key was last used', async () => {
    const clock = manualClock();
    const { admin, sessionFor } = await startTestRelay({ clock });
    const { workspace, adminKey } = await admin.createWorkspace('Acme');
    clock.advance(5 * MINUTE);
    await sessionFor(adminKey.apiKey);
    const [key] = await admin.listKeys(workspace.id);
    expect(key?.lastUsedAt).toEqual(clock.now());
  });
});

describe('sessions on /v1 routes', () => {
  it('refuses requests without a session, or with a bad one', async () => {
    const { call, workspaceWithUsers } = await startTestRelay();
    const { adminToken } = await workspaceWithUsers('Acme');
    const [header, payload] = adminToken.split('.');
    const forged = `${header}.${payload}.c2lnbmF0dXJlIGJ5IHNvbWVvbmUgZWxzZQ`;
    const unsigned = `eyJhbGciOiJub25lIn0.${payload}.`;
    const headerSets: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${forged}` },
      { authorization: `Bearer ${unsigned}` },
    ];
    for (const headers of headerSets) {
      const response = await call('/v1/workspace', { headers });
      expect(response.status).toBe(401);
      expect(await errorCode(response)).toBe('unauthenticated');
    }
  });

  it('refuses a session signed with another relay secret', async () => {
    const first = await startTestRelay();
    const second = await startTestRelay();
    const { adminToken } = await first.workspaceWithUsers('Acme');
    const response = await second.call('/v1/workspace', { token: adminToken });
    expect(response.status).toBe(401);
    expect(await errorCode(response)).toBe('unauthenticated');
  });

  it('ends a session after 15 minutes', async () => {
    const clock = manualClock();
    const { call, workspaceWithUsers } = await startTestRelay({ clock });
    const { adminToken } = await workspaceWithUsers('Acme');
    clock.advance(14 * MINUTE);
    expect((await call('/v1/workspace', { token: adminToken })).status).toBe(200);
    clock.advance(1 * MINUTE);
    const expired = await call('/v1/workspace', { token: adminToken });
    expect(expired.status).toBe(401);
    expect(await errorCode(expired)).toBe('session_expired');
  });

  it('ends every session of a revoked key at once, and refuses new ones', async () => {
    const { call, admin, workspaceWithUsers } = await startTestRelay();
    const { workspace, marketerKey, marketerToken } = await workspaceWithUsers('Acme');
    expect((await call('/v1/workspace', { token: marketerToken })).status).toBe(200);
    await admin.revokeKey(workspace.id, marketerKey.record.id);
    const afterRevoke = await call('/v1/workspace', { token: marketerToken });
    expect(afterRevoke.status).toBe(401);
    expect(await errorCode(afterRevoke)).toBe('api_key_revoked');
    const again = await call('/v1/session', {
      method: 'POST',
      body: { apiKey: marketerKey.apiKey },
    });
    expect(again.status).toBe(401);
    expect(await errorCode(again)).toBe('api_key_revoked');
  });

  it('never lets a session outlive its key', async () => {
    const clock = manualClock();
    const { call, admin, sessionFor } = await startTestRelay({ clock });
    const { workspace } = await admin.createWorkspace('Acme');
    const shortLived = await admin.issueKey(workspace.id, { role: 'marketer', expiresInDays: 1 });
    clock.advance(DAY - 5 * MINUTE);
    const response = await call('/v1/session', {
      method: 'POST',
      body: { apiKey: shortLived?.apiKey },
    });
    expect((await response.json()).expiresAt).toBe(
      new Date(clock.now().getTime() + 5 * MINUTE).toISOString(),
    );
    const token = await sessionFor(shortLived?.apiKey ?? '');
    clock.advance(5 * MINUTE);
    expect(await errorCode(await call('/v1/workspace', { token }))).toBe('session_expired');
    const refused = await call('/v1/session', {
      method: 'POST',
      body: { apiKey: shortLived?.apiKey },
    });
    expect(await errorCode(refused)).toBe('api_key_expired');
  });

  it('turns a key expiry given in days into a date', async () => {
    const clock = manualClock();
    const { call, workspaceWithUsers } = await startTestRelay({ clock });
    const { adminToken } = await workspaceWithUsers('Acme');
    const response = await call('/v1/keys', {
      method: 'POST',
      token: adminToken,
      body: { role: 'marketer', expiresInDays: 30 },
    });
    const { key } = await response.json();
    expect(key.expiresAt).toBe(new Date(clock.now().getTime() + 30 * DAY).toISOString());
  });
});
