import { type Context, Hono } from 'hono';
import { tokenProblem } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import {
  appMismatch,
  cannotParseToken,
  codeExpired,
  codeUsed,
  invalidAppId,
  invalidClientSecret,
  invalidCode,
  invalidParameter,
  missingClientId,
  redirectUriMismatch,
} from '../errors.ts';
import { optionalString, requiredString } from '../params.ts';
import type { AccessToken, GraphApp } from '../world.ts';

/** Codes are single-use and, in the emulator, live 10 minutes (UNCONFIRMED, reference §1.5). */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;
/**
 * A code buys a short-lived token (Meta's docs: "expiring in hours"); the strict choice, so
 * a client must trade it for a long-lived one.
 */
export const SHORT_LIVED_SECONDS = 2 * 60 * 60;
/** What Meta answers for a long-lived token (reference §1.6). */
export const LONG_LIVED_SECONDS = 5_183_944;

/** `GET|POST /{v}/oauth/access_token`: code exchange and short → long-lived exchange. */
export function oauthTokenRoutes() {
  return new Hono<GraphEnv>().on(['GET', 'POST'], '/access_token', (c) => {
    const app = authenticateClient(c);
    const token =
      optionalString(c.var.params, 'grant_type') === 'fb_exchange_token'
        ? exchangeForLongLived(c, app)
        : exchangeCode(c, app);
    return c.json({
      access_token: token.token,
      token_type: 'bearer',
      expires_in: token.expiresAt - token.issuedAt,
    });
  });
}

function authenticateClient(c: Context<GraphEnv>): GraphApp {
  const clientId = optionalString(c.var.params, 'client_id');
  if (!clientId) throw missingClientId();
  const app = c.var.world.apps.get(clientId);
  if (!app) throw invalidAppId();
  if (optionalString(c.var.params, 'client_secret') !== app.secret) throw invalidClientSecret();
  return app;
}

function exchangeCode(c: Context<GraphEnv>, app: GraphApp): AccessToken {
  const world = c.var.world;
  const redirectUri = requiredString(c.var.params, 'redirect_uri');
  const code = world.codes.get(requiredString(c.var.params, 'code'));
  if (!code || code.appId !== app.id) throw invalidCode();
  if (code.used) throw codeUsed();
  if (world.now().getTime() - code.issuedAtMs > CODE_LIFETIME_MS) throw codeExpired();
  if (code.redirectUri !== redirectUri) throw redirectUriMismatch();
  code.used = true;
  return world.issueToken({
    appId: app.id,
    personId: code.userId,
    scopes: code.scopes,
    expiresIn: SHORT_LIVED_SECONDS,
  });
}

function exchangeForLongLived(c: Context<GraphEnv>, app: GraphApp): AccessToken {
  const world = c.var.world;
  const old = world.tokens.get(requiredString(c.var.params, 'fb_exchange_token'));
  if (!old) throw cannotParseToken();
  if (old.appId !== app.id) throw appMismatch();
  // "You can not use an expired token to request a long-lived token."
  const problem = tokenProblem(world, old);
  if (problem) throw problem;
  if (world.people.get(old.personId)?.type !== 'USER') {
    throw invalidParameter('fb_exchange_token must be a user access token');
  }
  return world.issueToken({
    appId: app.id,
    personId: old.personId,
    scopes: old.scopes,
    expiresIn: LONG_LIVED_SECONDS,
  });
}
