import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ApiError } from '../../http/api-error.ts';
import type { OAuthStateRepository } from '../../store/oauth-states.ts';

/** Long enough to log in to Facebook and read the consent screen. */
export const OAUTH_STATE_TTL_SECONDS = 10 * 60;
const ISSUER = 'audience-relay';
const AUDIENCE = 'audience-relay/facebook-oauth-state';

const claims = z.object({
  jti: z.string().min(1),
  workspace: z.string().min(1),
  redirect: z.string().min(1),
});

/**
 * The OAuth `state` (CSRF protection, reference §1.3): an HS256 JWT naming the workspace and
 * the redirect URL the dialog was opened with, expiring after 10 minutes, whose id is stored
 * so it completes at most one sign-in.
 */
export interface OAuthStates {
  issue(workspaceId: string, redirectUrl: string): Promise<{ state: string; expiresAt: Date }>;
  /**
   * Checks `state` for `workspaceId` and uses it up, returning the redirect URL it was issued
   * for. Throws `oauth_state_invalid` (forged, malformed, another workspace's),
   * `oauth_state_expired` or `oauth_state_used`.
   */
  redeem(state: string, workspaceId: string): Promise<{ redirectUrl: string }>;
}

export interface OAuthStateOptions {
  /** 256-bit HMAC key, derived from the relay secret. */
  signingKey: Uint8Array;
  repository: OAuthStateRepository;
  now?: () => Date;
  random?: (bytes: number) => Buffer;
  ttlSeconds?: number;
}

export function createOAuthStates({
  signingKey,
  repository,
  now = () => new Date(),
  random = randomBytes,
  ttlSeconds = OAUTH_STATE_TTL_SECONDS,
}: OAuthStateOptions): OAuthStates {
  const invalid = () =>
    new ApiError('oauth_state_invalid', 'The OAuth state was not issued for this workspace.');
  const verify = async (state: string) => {
    try {
      const verified = await jwtVerify(state, signingKey, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'jti'],
        currentDate: now(),
      });
      const parsed = claims.safeParse(verified.payload);
      if (!parsed.success) throw invalid();
      return parsed.data;
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        throw new ApiError('oauth_state_expired', 'The OAuth state has expired.');
      }
      throw error instanceof ApiError ? error : invalid();
    }
  };
  return {
    async issue(workspaceId, redirectUrl) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const expiresAt = new Date((issuedAt + ttlSeconds) * 1000);
      const id = random(16).toString('base64url');
      await repository.deleteExpired(now());
      await repository.create({ id, workspaceId, expiresAt });
      const state = await new SignJWT({ workspace: workspaceId, redirect: redirectUrl })
        .setProtectedHeader({ alg: 'HS256' })
        .setJti(id)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(signingKey);
      return { state, expiresAt };
    },
    async redeem(state, workspaceId) {
      const { jti, workspace, redirect } = await verify(state);
      if (workspace !== workspaceId) throw invalid();
      const use = await repository.use(workspaceId, jti, now());
      if (use === 'used-before') {
        throw new ApiError('oauth_state_used', 'This OAuth state was already used.');
      }
      if (use === 'unknown') throw invalid();
      return { redirectUrl: redirect };
    },
  };
}
