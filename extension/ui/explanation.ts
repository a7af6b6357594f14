import { describeError } from '../../shared/error-catalog.ts';
import type { FacebookFailure } from '../facebook/facebook-failure.ts';
import { en } from '../i18n/en.ts';
import type { MessageReply } from '../messaging/runtime-messages.ts';
import type { RelayFailure, RelayResult } from '../relay/relay-failure.ts';
import type { SavedRelayFailure, SavedRelayResult } from '../relay/saved-relay-call.ts';

/** A problem as the pages show it: what happened, why, what to do, and a reference to quote. */
export interface Explanation {
  title: string;
  explanation: string;
  steps: readonly string[];
  /** The relay's request id, for its operator. */
  reference?: string;
}

/**
 * Explains a failed relay call: the relay's own refusals by their error-catalog code, the
 * failures the extension detects itself (no answer, not a relay) from the pages' strings.
 */
export function explainRelayFailure(failure: RelayFailure, relayUrl: string): Explanation {
  switch (failure.kind) {
    case 'unreachable': {
      const text = failure.reason === 'timeout' ? en.problems.timeout : en.problems.unreachable;
      return { ...text, explanation: text.explanation(relayUrl) };
    }
    case 'unexpected-response': {
      const text = en.problems.notARelay;
      return { ...text, explanation: text.explanation(relayUrl, failure.status) };
    }
    default: {
      const { title, explanation, steps } = describeError(failure.code);
      return { title, explanation, steps, reference: failure.requestId };
    }
  }
}

/** A relay call a page made through the background: its value, or the problem to show. */
export type Explained<T> =
  | { ok: true; value: T }
  /** `code`: the relay's error-catalog code, when the relay answered with one. */
  | { ok: false; problem: Explanation; code: string | null };

/** Settles a page's relay call: a background that did not answer, or the relay's failure. */
export function explainRelayReply<T>(
  reply: MessageReply<RelayResult<T>>,
  relayUrl: string,
): Explained<T> {
  if (!reply.ok) return { ok: false, problem: explainMessageError(reply.error), code: null };
  if (reply.value.ok) return reply.value;
  const { failure } = reply.value;
  return {
    ok: false,
    problem: explainRelayFailure(failure, relayUrl),
    code: 'code' in failure ? failure.code : null,
  };
}

/** The browser refused (or the person declined) the permission to contact the relay. */
export function explainPermissionDenied(relayUrl: string): Explanation {
  const text = en.problems.permissionDenied;
  return { ...text, explanation: text.explanation(new URL(relayUrl).origin) };
}

/** A message to the background failed: no background, or it could not handle the message. */
export function explainMessageError(detail: string): Explanation {
  const text = en.problems.extensionNotAnswering;
  return { ...text, explanation: text.explanation(detail) };
}

/** Explains a failed call to the saved relay, which may have been forgotten meanwhile. */
function explainSavedRelayFailure(failure: SavedRelayFailure, relayUrl: string): Explanation {
  return failure.kind === 'no-relay' ? en.problems.noRelay : explainRelayFailure(failure, relayUrl);
}

/** The background's reply to a saved-relay call: its value, or the problem to show instead. */
export function settleSavedRelayReply<T>(
  reply: MessageReply<SavedRelayResult<T>>,
  relayUrl: string,
): { ok: true; value: T } | { ok: false; problem: Explanation } {
  if (!reply.ok) return { ok: false, problem: explainMessageError(reply.error) };
  if (reply.value.ok) return reply.value;
  return { ok: false, problem: explainSavedRelayFailure(reply.value.failure, relayUrl) };
}

/** Explains a failed Facebook action: the relay's failures, or what only the extension saw. */
export function explainFacebookFailure(failure: FacebookFailure, relayUrl: string): Explanation {
  switch (failure.kind) {
    case 'cancelled': {
      const text = en.options.facebook;
      return { title: text.cancelledTitle, explanation: text.cancelledText, steps: [] };
    }
    case 'login-window': {
      const text = en.problems.loginWindow;
      return { ...text, explanation: text.explanation(failure.message) };
    }
    default:
      return explainSavedRelayFailure(failure, relayUrl);
  }
}
