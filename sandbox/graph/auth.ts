import type { Context } from 'hono';
import { checkProof } from './appsecret-proof.ts';
import type { GraphEnv } from './context.ts';
import {
  appThrottled,
  cannotParseToken,
  type GraphError,
  invalidToken,
  proofExpired,
  proofInvalid,
  proofMissing,
  tokenRequired,
  userTokenRequired,
} from './errors.ts';
import type { Params } from './params.ts';
import type { AccessToken, GraphApp, InvalidReason, Person, World } from './world.ts';

export interface PersonCaller {
  kind: 'person';
  token: AccessToken;
  person: Person;
  app: GraphApp;
}

export interface AppCaller {
  kind: 'app';
  app: GraphApp;
}

/** The token from `access_token` (query or body) or an `Authorization: Bearer`/`OAuth` header. */
export function presentedToken(params: Params, authorization: string | undefined) {
  if (typeof params.access_token === 'string' && params.access_token) return params.access_token;
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(authorization ?? '');
  return match?.[1];
}

/**
 * Resolves a user or system-user token, checking it is alive and, when the app requires it
 * (or one is sent anyway), its appsecret_proof. App tokens are refused: these calls act for
 * a person.
 */
export function authenticate(c: Context<GraphEnv>): PersonCaller {
  const caller = authenticateAny(c);
  if (caller.kind === 'app') throw userTokenRequired();
  return caller;
}

/** Like `authenticate`, but also accepts an app token (`APP_ID|APP_SECRET`), for debug_token. */
export function authenticateAny(c: Context<GraphEnv>): PersonCaller | AppCaller {
  const world = c.var.world;
  const params = c.var.params;
  const presented = presentedToken(params, c.req.header('authorization'));
  if (!presented) throw tokenRequired();
  if (presented.includes('|')) {
    const app = appFromAppToken(world, presented);
    c.set('usageAppId', app.id);
    return { kind: 'app', app };
  }
  const token = world.tokens.get(presented);
  const person = token && world.people.get(token.personId);
  const app = token && world.apps.get(token.appId);
  if (!token || !person || !app) throw cannotParseToken();
  const problem = tokenProblem(world, token);
  if (problem) throw problem;
  const proof = params.appsecret_proof;
  if (app.requireProof || proof !== undefined) {
    const check = checkProof(
      app.secret,
      presented,
      proof,
      params.appsecret_time,
      world.nowSeconds(),
    );
    if (check === 'missing') throw proofMissing();
    if (check === 'invalid') throw proofInvalid();
    if (check === 'expired') throw proofExpired();
  }
  // Every authenticated answer reports the app's platform usage (X-App-Usage).
  c.set('usageAppId', app.id);
  return { kind: 'person', token, person, app };
}

function appFromAppToken(world: World, presented: string): GraphApp {
  const [appId, secret] = presented.split('|');
  const app = appId ? world.apps.get(appId) : undefined;
  if (!app || app.secret !== secret) {
    throw invalidToken('Invalid OAuth access token signature.');
  }
  return app;
}

const REASONS: Record<InvalidReason, { subcode: number; text: (token: AccessToken) => string }> = {
  revoked: {
    subcode: 467,
    text: () => 'The session is invalid because the user logged out.',
  },
  password_changed: {
    subcode: 460,
    text: () =>
      'The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.',
  },
  checkpointed: {
    subcode: 459,
    text: () =>
      'You cannot access the app till you log in to www.facebook.com and follow the instructions given.',
  },
  app_not_installed: {
    subcode: 458,
    text: (token) => `The user has not authorized application ${token.appId}.`,
  },
  unconfirmed: {
    subcode: 464,
    text: () => 'Sessions for the user are not allowed because the user is not a confirmed user.',
  },
  expired: { subcode: 463, text: () => '' },
};

/** Why a token no longer works (190 and its subcode), or undefined while it does. */
export function tokenProblem(world: World, token: AccessToken): GraphError | undefined {
  const now = world.nowSeconds();
  const expiredAt =
    token.invalid?.reason === 'expired'
      ? token.invalid.at
      : token.expiresAt && now >= token.expiresAt
        ? token.expiresAt
        : undefined;
  if (expiredAt !== undefined) {
    return invalidToken(
      `Error validating access token: Session has expired on ${pacific(expiredAt)}. The current time is ${pacific(now)}.`,
      463,
    );
  }
  if (!token.invalid) return undefined;
  const reason = REASONS[token.invalid.reason];
  return invalidToken(`Error validating access token: ${reason.text(token)}`, reason.subcode);
}

/** Meta's way of writing times in token errors: `Tuesday, 01-Aug-23 10:12:14 PDT`. */
function pacific(unixSeconds: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Los_Angeles',
      weekday: 'long',
      day: '2-digit',
      month: 'short',
      year: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(unixSeconds * 1000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday}, ${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/**
 * Platform-limit accounting for non-Marketing calls (code 4 when spent); Marketing API calls
 * are excluded from platform limits (reference §7.1) but still report `X-App-Usage`.
 */
export function chargePlatformCall(c: Context<GraphEnv>, app: GraphApp): void {
  const world = c.var.world;
  if (world.limiter.chargeApp(app.id, world.now().getTime()).throttled) throw appThrottled();
}
