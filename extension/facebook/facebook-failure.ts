import type { SavedRelayFailure } from '../relay/saved-relay-call.ts';

/**
 * Why a Facebook action failed, as a value the options page explains: the saved relay's
 * failures, plus those only the login window causes.
 * - `cancelled`: the person closed the login window or chose Cancel in it;
 * - `login-window`: the browser could not run the login window.
 */
export type FacebookFailure =
  | SavedRelayFailure
  | { kind: 'cancelled' }
  | { kind: 'login-window'; message: string };

export type FacebookResult<T> = { ok: true; value: T } | { ok: false; failure: FacebookFailure };
