import { Hono } from 'hono';
import { authenticateAny, chargePlatformCall, tokenProblem } from '../auth.ts';
import type { GraphEnv } from '../context.ts';
import { appMismatch } from '../errors.ts';
import { requiredString } from '../params.ts';
import type { AccessToken, World } from '../world.ts';

/**
 * `GET /{v}/debug_token?input_token=…&access_token=APP_ID|APP_SECRET` (or a token of the same
 * app): what a token is, whose, with which scopes and until when (reference §1.8).
 */
export function debugTokenRoutes() {
  return new Hono<GraphEnv>().get('/', (c) => {
    const world = c.var.world;
    const caller = authenticateAny(c);
    chargePlatformCall(c, caller.app);
    const input = world.tokens.get(requiredString(c.var.params, 'input_token'));
    if (!input) {
      return c.json({
        data: {
          error: { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' },
          is_valid: false,
          scopes: [],
        },
      });
    }
    if (input.appId !== caller.app.id) throw appMismatch();
    return c.json({ data: describeToken(world, input) });
  });
}

function describeToken(world: World, token: AccessToken) {
  const person = world.people.get(token.personId);
  const problem = tokenProblem(world, token);
  return {
    app_id: token.appId,
    type: person?.type ?? 'USER',
    application: world.apps.get(token.appId)?.name ?? '',
    data_access_expires_at: token.dataAccessExpiresAt,
    ...(problem
      ? { error: { code: problem.code, message: problem.message, subcode: problem.subcode } }
      : {}),
    expires_at: token.expiresAt,
    is_valid: !problem,
    issued_at: token.issuedAt,
    scopes: token.scopes,
    granular_scopes: grantedTargets(world, token),
    user_id: token.personId,
  };
}

/** Which ad accounts and businesses each business-asset permission reaches. */
function grantedTargets(world: World, token: AccessToken) {
  const accounts = world.accountsOf(token.personId);
  const businesses = [...new Set(accounts.map((account) => account.businessId).filter(Boolean))];
  return token.scopes.flatMap((scope) => {
    if (scope === 'ads_management' || scope === 'ads_read') {
      return [{ scope, target_ids: accounts.map((account) => account.id) }];
    }
    if (scope === 'business_management') return [{ scope, target_ids: businesses }];
    return [{ scope }];
  });
}
