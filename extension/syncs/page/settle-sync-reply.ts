import { en } from '../../i18n/en.ts';
import type { MessageReply } from '../../messaging/runtime-messages.ts';
import type { RelayFailure } from '../../relay/relay-failure.ts';
import {
  type Explanation,
  explainMessageError,
  explainRelayFailure,
} from '../../ui/explanation.ts';
import type { SyncResult } from '../sync-service.ts';

export type SettledSyncReply<T> =
  | { ok: true; value: T }
  /** `failure` is the relay's refusal, when it was one: callers branch on its code. */
  | { ok: false; problem: Explanation; failure?: RelayFailure };

/** The background's reply as the value, or the problem to show instead. */
export function settleSyncReply<T>(
  reply: MessageReply<SyncResult<T>>,
  relayUrl: string,
): SettledSyncReply<T> {
  if (!reply.ok) return { ok: false, problem: explainMessageError(reply.error) };
  if (reply.value.ok) return reply.value;
  const { failure } = reply.value;
  if (failure.kind === 'no-relay') return { ok: false, problem: en.syncs.noRelay };
  return { ok: false, problem: explainRelayFailure(failure, relayUrl), failure };
}

/** The relay's error code of a failed call, if the relay answered with one. */
export const failureCode = (settled: SettledSyncReply<unknown>): string | undefined =>
  !settled.ok && settled.failure && 'code' in settled.failure ? settled.failure.code : undefined;
