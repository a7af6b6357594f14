import type { WorkspaceGraph } from '../../facebook/connection/workspace-graph.ts';
import { GraphError } from '../../facebook/graph/graph-error.ts';
import type { AudienceBatch } from '../batches/batch-rows.ts';

/** One batch for one audience's upload session (reference §4.2). */
export interface BatchUpload {
  adAccountId: string;
  facebookAudienceId: string;
  sessionId: string;
  schema: string | readonly string[];
  batch: AudienceBatch;
}

/** What Meta answered (reference §4.5): `numReceived` counts the whole session so far. */
export interface BatchReceipt {
  numReceived: number;
  numInvalid: number;
}

export interface RetryPolicy {
  /** Tries for transient failures (5xx, code 1/2, timeouts, dropped connections). */
  transientAttempts: number;
  /** Tries while Meta throttles: each waits as the pacer says (`estimated_time_to_regain_access`). */
  throttledAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  transientAttempts: 8,
  throttledAttempts: 60,
  baseDelayMs: 1000,
  maxDelayMs: 5 * 60_000,
};

export interface UploadOptions {
  retry?: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Told before each retry, so the job can show it. */
  onRetry?: (error: GraphError, attempt: number) => void | Promise<void>;
  signal?: AbortSignal;
}

/** Full jitter: a random wait up to the exponential step, so retrying uploads spread out. */
export function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** The JSON body of one `/users` call; a re-sent batch is byte for byte the same request. */
export function usersRequestParams({ sessionId, schema, batch }: BatchUpload) {
  const multiKey = typeof schema !== 'string';
  return {
    session: {
      session_id: Number(sessionId),
      batch_seq: batch.seq,
      last_batch_flag: batch.last,
      // Known only at the last batch of a stream; omitted before, so a re-send is identical.
      ...(batch.last ? { estimated_num_total: batch.rowsSoFar } : {}),
    },
    // The rows as the batch wrote them: spliced into the body, never parsed again.
    payload: { schema, ...(multiKey ? { is_raw: true } : {}), data: batch.data },
  };
}

/**
 * Sends one batch, the pacer waiting before every call (inside the Graph client), retrying
 * transient failures with exponential backoff and jitter and throttles for as long as Meta
 * says; any other error (re-authorize, terms, access, integrity, bad data) is thrown at once.
 * A retry re-sends the same session id and `batch_seq`: Meta (and the emulator) answers a
 * batch it already holds as before, so a lost answer never doubles a batch.
 */
export async function uploadBatch(
  graph: WorkspaceGraph,
  upload: BatchUpload,
  { retry = DEFAULT_RETRY_POLICY, sleep, random = Math.random, onRetry, signal }: UploadOptions,
): Promise<BatchReceipt> {
  let transient = 0;
  let throttled = 0;
  for (;;) {
    signal?.throwIfAborted();
    try {
      const answer = await graph.request<{ num_received?: number; num_invalid_entries?: number }>({
        method: 'POST',
        path: `${upload.facebookAudienceId}/users`,
        params: usersRequestParams(upload),
        encoding: 'json',
        adAccountId: upload.adAccountId,
      });
      return {
        numReceived: answer.num_received ?? 0,
        numInvalid: answer.num_invalid_entries ?? 0,
      };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      if (error.errorClass === 'throttled' && ++throttled < retry.throttledAttempts) {
        // The pacer holds the next call until Meta's estimated time to regain access.
        await onRetry?.(error, throttled);
        continue;
      }
      if (error.errorClass === 'transient' && ++transient < retry.transientAttempts) {
        await onRetry?.(error, transient);
        await sleep(backoffMs(transient, retry, random));
        continue;
      }
      throw error;
    }
  }
}
