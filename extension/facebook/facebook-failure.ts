import type { RelayFailure } from '../relay/relay-failure.ts';
import type { NoRelay } from '../relay/saved-relay-call.ts';

/**
 * Why a Facebook action failed, as a value the options page explains: the relay's failures,
 * plus those only the extension sees.
 * - `no-relay`: no relay is configured (the page was open while it was forgotten);
 * - `cancelled`: the person closed the login window or chose Cancel in it;
 * - `login-window`: the browser could not run the login window.
 */
export type FacebookFailure =
  | RelayFailure
  | NoRelay
  | { kind: 'cancelled' }
  | { kind: 'login-window'; message: string };

export type FacebookResult<T> = { ok: true; value: T } | { ok: false; failure: FacebookFailure };
