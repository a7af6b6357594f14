import type { RequestIdVariables } from 'hono/request-id';
import type { SessionClaims } from '../auth/session-token.ts';

/**
 * What middleware hands to handlers. `session` is set on every `/v1` route that is not
 * public (the session middleware refuses the request otherwise).
 */
export type RelayEnv = { Variables: RequestIdVariables & { session: SessionClaims } };
