import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createOAuthStates } from '../../../../../proxy/facebook/oauth/oauth-state.ts';
import type {
  OAuthStateRecord,
  OAuthStateRepository,
} from '../../../../../proxy/store/oauth-states.ts';
import { MINUTE, manualClock } from '../../../../support/manual-clock.ts';

const KEY = new Uint8Array(32).fill(7);
const REDIRECT = `https://${'a'.repeat(32)}.chromiumapp.org/`;

function memoryStates(): OAuthStateRepository & {
  rows: Map<string, OAuthStateRecord & { used?: Date }>;
} {
  const rows = new Map<string, OAuthStateRecord & { used?: Date }>();
  return {
    rows,
    async create(state) {
      rows.set(state.id, { ...state });
    },
    async use(workspaceId, id, at) {
      const row = rows.get(id);
      if (!row || row.workspaceId !== workspaceId) return 'unknown';
      if (row.used) return 'used-before';
      row.used = at;
      return 'used-now';
    },
    async deleteExpired(before) {
      for (const [id, row] of rows) if (row.expiresAt < before) rows.delete(id);
    },
  };
}

function states() {
  const clock = manualClock();
  const repository = memoryStates();
  return {
    clock,
    repository,
    states: createOAuthStates({ signingKey: KEY, repository, now: clock.now }),
  };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

describe('OAuth state', () => {
  it('round-trips the redirect URL for the workspace it was issued to, once', async () => {
    const { states: oauth, clock } = states();
    const { state, expiresAt } = await oauth.issue('ws_a', REDIRECT);
    expect(expiresAt).toEqual(new Date(clock.now().getTime() + 10 * MINUTE));
    expect(await oauth.redeem(state, 'ws_a')).toEqual({ redirectUrl: REDIRECT });
    expect(await codeOf(oauth.redeem(state, 'ws_a'))).toBe('oauth_state_used');
  });

  it('is a signed token naming the workspace and redirect, not a secret', async () => {
    const { states: oauth } = states();
    const { state } = await oauth.issue('ws_a', REDIRECT);
    expect(decodeJwt(state)).toMatchObject({ workspace: 'ws_a', redirect: REDIRECT });
  });

  it("refuses another workspace's state without using it up", async () => {
    const { states: oauth } = states();
    const { state } = await oauth.issue('ws_a', REDIRECT);
    expect(await codeOf(oauth.redeem(state, 'ws_b'))).toBe('oauth_state_invalid');
    expect(await oauth.redeem(state, 'ws_a')).toEqual({ redirectUrl: REDIRECT });
  });

  it('refuses a state after 10 minutes', async () => {
    const { states: oauth, clock } = states();
    const { state } = await oauth.issue('ws_a', REDIRECT);
    clock.advance(10 * MINUTE + 1000);
    expect(await codeOf(oauth.redeem(state, 'ws_a'))).toBe('oauth_state_expired');
  });

  it('refuses tampered, foreign-signed and malformed states', async () => {
    const { states: oauth, clock } = states();
    const { state } = await oauth.issue('ws_a', REDIRECT);
    const [header, , signature] = state.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...decodeJwt(state), redirect: 'https://evil.example/' }),
    ).toString('base64url');
    const foreign = await new SignJWT({ ...decodeJwt(state) })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new Uint8Array(32).fill(8));
    const unsigned = `${header}.${forgedBody}.`;
    for (const bad of [`${header}.${forgedBody}.${signature}`, foreign, unsigned, 'nope', '']) {
      expect(await codeOf(oauth.redeem(bad, 'ws_a')), bad).toBe('oauth_state_invalid');
    }
    // None of that used the real state up.
    clock.advance(MINUTE);
    expect(await oauth.redeem(state, 'ws_a')).toEqual({ redirectUrl: REDIRECT });
  });

  it('refuses a well-signed state the relay never stored', async () => {
    const { states: oauth, repository } = states();
    const { state } = await oauth.issue('ws_a', REDIRECT);
    repository.rows.clear();
    expect(await codeOf(oauth.redeem(state, 'ws_a'))).toBe('oauth_state_invalid');
  });

  it('forgets expired states as new ones are issued', async () => {
    const { states: oauth, repository, clock } = states();
    await oauth.issue('ws_a', REDIRECT);
    clock.advance(11 * MINUTE);
    await oauth.issue('ws_a', REDIRECT);
    expect(repository.rows.size).toBe(1);
  });
});
