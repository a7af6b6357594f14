import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createSessionTokens } from '../../../../proxy/auth/session-token.ts';
import { MINUTE, manualClock } from '../../../support/manual-clock.ts';

const claims = { workspaceId: 'ws_1', keyId: 'k1', role: 'marketer' as const };

function setup() {
  const clock = manualClock();
  const signingKey = new Uint8Array(randomBytes(32));
  return { clock, signingKey, sessions: createSessionTokens({ signingKey, now: clock.now }) };
}

describe('session tokens', () => {
  it('carry the workspace, key and role for 15 minutes', async () => {
    const { clock, sessions } = setup();
    const { token, expiresAt } = await sessions.issue(claims);
    expect(expiresAt).toEqual(new Date(clock.now().getTime() + 15 * MINUTE));
    expect(await sessions.verify(token)).toEqual({ ok: true, claims });
    clock.advance(15 * MINUTE - 1000);
    expect((await sessions.verify(token)).ok).toBe(true);
    clock.advance(1000);
    expect(await sessions.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('end when the key ends, if that is sooner', async () => {
    const { clock, sessions } = setup();
    const notAfter = new Date(clock.now().getTime() + 2 * MINUTE);
    expect((await sessions.issue(claims, notAfter)).expiresAt).toEqual(notAfter);
  });

  it('are refused when signed with another key, or tampered with', async () => {
    const { sessions } = setup();
    const other = createSessionTokens({ signingKey: new Uint8Array(randomBytes(32)) });
    const { token } = await other.issue(claims);
    expect(await sessions.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    const own = (await sessions.issue(claims)).token;
    const [header, , signature] = own.split('.');
    const admin = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await sessions.verify(`${header}.${admin}.${signature}`)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('are refused without our issuer, audience or claims', async () => {
    const { clock, signingKey, sessions } = setup();
    const sign = (builder: SignJWT) =>
      builder
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt(clock.now())
        .setExpirationTime(new Date(clock.now().getTime() + MINUTE))
        .sign(signingKey);
    const valid = { workspace: 'ws_1', role: 'admin' };
    for (const token of [
      await sign(new SignJWT(valid).setSubject('k').setAudience('audience-relay/v1')),
      await sign(new SignJWT(valid).setSubject('k').setIssuer('audience-relay')),
      await sign(
        new SignJWT({ workspace: 'ws_1', role: 'owner' })
          .setSubject('k')
          .setIssuer('audience-relay')
          .setAudience('audience-relay/v1'),
      ),
    ]) {
      expect(await sessions.verify(token)).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
