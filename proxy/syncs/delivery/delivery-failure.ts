import type { ErrorCode } from '../../../shared/error-catalog.ts';
import { GraphError } from '../../facebook/graph/graph-error.ts';
import { ApiError } from '../../http/api-error.ts';

/**
 * What a failed delivery means for the sync.
 * - `retry`: the same users may go through later: Facebook throttled or failed for a while,
 *   or refused a removal from an audience still under about 1,000 people (Braze: "removals
 *   cannot sync until the audience is big enough"); anything unexpected on the relay's side
 *   too. The users stay queued until the retry window ends.
 * - `stop`: a person must act (reconnect Facebook, accept terms, restore access, pick
 *   another audience, fix the audience's data source): the sync becomes `errored` with the
 *   catalog code, the queue is kept, and resuming delivers it.
 */
export type DeliveryFailure =
  | { kind: 'retry'; code: ErrorCode | 'unexpected' }
  | { kind: 'stop'; code: ErrorCode; message: string };

const WAIT_CLASSES = new Set(['throttled', 'transient']);
const WAIT_CODES = new Set<string>(['facebook_audience_too_small']);

export function classifyDeliveryFailure(error: unknown): DeliveryFailure {
  if (error instanceof GraphError) {
    return WAIT_CLASSES.has(error.errorClass) || WAIT_CODES.has(error.code)
      ? { kind: 'retry', code: error.code }
      : { kind: 'stop', code: error.code, message: error.message };
  }
  // Refused before any call: no Facebook connection, or a token already known to be dead.
  if (error instanceof ApiError) return { kind: 'stop', code: error.code, message: error.message };
  return { kind: 'retry', code: 'unexpected' };
}
