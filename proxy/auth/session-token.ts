import { errors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/relay-api/roles.ts';

/** Who a request acts for, as carried by its session token. */
export interface SessionClaims {
  workspaceId: string;
  keyId: string;
  role: Role;
}

export type VerifiedSession =
  | { ok: true; claims: SessionClaims }
  | { ok: false; reason: 'expired' | 'invalid' };

/** Short-lived HS256 JWTs the extension gets for its workspace key (`POST /v1/session`). */
export interface SessionTokens {
  /** The session never outlives `notAfter` (the key's own expiry). */
  issue(claims: SessionClaims, notAfter?: Date | null): Promise<{ token: string; expiresAt: Date }>;
  verify(token: string): Promise<VerifiedSession>;
}

export const SESSION_TTL_SECONDS = 15 * 60;
const ISSUER = 'audience-relay';
const AUDIENCE = 'audience-relay/v1';

const payload = z.object({
  sub: z.string().min(1),
  workspace: z.string().min(1),
  role: z.enum(ROLES),
});

export interface SessionTokenOptions {
  /** 256-bit HMAC key, derived from the relay secret. */
  signingKey: Uint8Array;
  now?: () => Date;
  ttlSeconds?: number;
}

export function createSessionTokens({
  signingKey,
  now = () => new Date(),
  ttlSeconds = SESSION_TTL_SECONDS,
}: SessionTokenOptions): SessionTokens {
  return {
    async issue(claims, notAfter) {
      const issuedAt = Math.floor(now().getTime() / 1000);
      const limit = notAfter ? Math.floor(notAfter.getTime() / 1000) : Number.POSITIVE_INFINITY;
      const expiresAt = Math.min(issuedAt + ttlSeconds, limit);
      const token = await new SignJWT({ workspace: claims.workspaceId, role: claims.role })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.keyId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(expiresAt)
        .sign(signingKey);
      return { token, expiresAt: new Date(expiresAt * 1000) };
    },
    async verify(token) {
      try {
        const verified = await jwtVerify(token, signingKey, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat'],
          currentDate: now(),
        });
        const claims = payload.safeParse(verified.payload);
        if (!claims.success) return { ok: false, reason: 'invalid' };
        const { sub, workspace, role } = claims.data;
        return { ok: true, claims: { workspaceId: workspace, keyId: sub, role } };
      } catch (error) {
        return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
      }
    },
  };
}
