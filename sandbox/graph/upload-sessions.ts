import { createHash } from 'node:crypto';
import type { RowCheck } from './audience-rows.ts';
import { invalidParameter, missingParameter, updateFailed } from './errors.ts';
import { AudienceMembers } from './members.ts';
import { toBoolean, toInteger } from './params.ts';
import type { Audience, UploadOperation, UploadResult, UploadSession, World } from './world.ts';

/**
 * Upload sessions (reference §4.2, §4.6): `session_id` unique per ad account, `batch_seq`
 * from 1, `last_batch_flag` closing the session; and the replace sessions of /usersreplace
 * with their 90-minute window.
 *
 * Re-sending a batch (a retry after a lost response, reference §10 item 21, UNCONFIRMED): if
 * the same `batch_seq` comes again with an identical payload we answer what we answered the
 * first time and change nothing; with a different payload it is an error. So a client may
 * always retry a batch it is unsure about, and never silently overwrite one.
 */

export const REPLACE_WINDOW_MS = 90 * 60 * 1000;

export interface SessionParams {
  sessionId: string;
  batchSeq: number;
  last: boolean;
  estimatedNumTotal?: number;
}

const MAX_SESSION_ID = 2n ** 63n - 1n;

/**
 * Whether `session` is strictly required on /users is UNCONFIRMED (reference §10 item 11);
 * the guide says required, so we require it.
 */
export function parseSession(value: unknown): SessionParams {
  if (value === undefined) throw missingParameter('session');
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParameter('Param session must be a JSON object');
  }
  const session = value as Record<string, unknown>;
  const raw = session.session_id;
  const text = typeof raw === 'number' && Number.isSafeInteger(raw) ? String(raw) : raw;
  if (
    typeof text !== 'string' ||
    !/^\d+$/.test(text) ||
    BigInt(text) < 1n ||
    BigInt(text) > MAX_SESSION_ID
  ) {
    throw invalidParameter('session.session_id must be a positive 64-bit integer');
  }
  const batchSeq = toInteger(session.batch_seq, 'session.batch_seq');
  if (batchSeq === undefined || batchSeq < 1) {
    throw invalidParameter('session.batch_seq must be an integer starting at 1');
  }
  const estimated = toInteger(session.estimated_num_total, 'session.estimated_num_total');
  if (estimated !== undefined && estimated < 0) {
    throw invalidParameter('session.estimated_num_total must not be negative');
  }
  return {
    sessionId: BigInt(text).toString(),
    batchSeq,
    last: toBoolean(session.last_batch_flag, 'session.last_batch_flag') ?? false,
    estimatedNumTotal: estimated,
  };
}

/** Identifies what a batch carried, to tell a retry from a different batch. */
export function payloadDigest(operation: UploadOperation, payload: unknown): string {
  return createHash('sha256').update(operation).update(JSON.stringify(payload)).digest('hex');
}

export type BatchStart = { replay: UploadResult } | { upload: UploadSession };

function newSession(
  world: World,
  audience: Audience,
  operation: UploadOperation,
  params: SessionParams,
): UploadSession {
  return {
    id: params.sessionId,
    accountId: audience.accountId,
    audienceId: audience.id,
    operation,
    startedAtMs: world.now().getTime(),
    lastBatchSeq: 0,
    finished: false,
    timedOut: false,
    numReceived: 0,
    numInvalidEntries: 0,
    estimatedNumTotal: params.estimatedNumTotal,
    batches: new Map(),
  };
}

/** A retry of a batch already answered, or undefined; a changed re-send is an error. */
function replayOf(upload: UploadSession, params: SessionParams, digest: string) {
  const earlier = upload.batches.get(params.batchSeq);
  if (!earlier) return undefined;
  if (earlier.digest !== digest) {
    throw updateFailed(
      `batch_seq ${params.batchSeq} of session ${upload.id} was already received with different data`,
    );
  }
  return { replay: earlier.result };
}

function sessionTaken(upload: UploadSession) {
  return updateFailed(
    `session_id ${upload.id} is already used by another upload session in this ad account`,
  );
}

/** The rules for a /users batch (add or remove). */
export function startUsersBatch(
  world: World,
  audience: Audience,
  operation: 'add' | 'remove',
  params: SessionParams,
  digest: string,
): BatchStart {
  const upload = world.sessionsOf(audience.accountId).get(params.sessionId);
  if (!upload) {
    if (params.batchSeq !== 1) {
      throw updateFailed(
        `session ${params.sessionId} is unknown: the first batch of a session must have batch_seq 1`,
      );
    }
    return { upload: newSession(world, audience, operation, params) };
  }
  if (upload.audienceId !== audience.id || upload.operation !== operation)
    throw sessionTaken(upload);
  const replay = replayOf(upload, params, digest);
  if (replay) return replay;
  if (upload.finished) {
    throw updateFailed(
      `session ${upload.id} has finished: a batch with last_batch_flag was already received`,
    );
  }
  if (params.batchSeq !== upload.lastBatchSeq + 1) {
    throw updateFailed(
      `batch_seq must be sequential: session ${upload.id} expects batch_seq ${upload.lastBatchSeq + 1}`,
    );
  }
  return { upload };
}

const replaceError = (subcode: number, title: string, detail: string) =>
  updateFailed(detail, subcode, title);

export const replaceInProgress = () =>
  replaceError(
    1870145,
    'Audience Update In Progress',
    'A replace operation is in progress for this audience. Wait until its operation_status is Normal, then try again.',
  );

/** The rules for a /usersreplace batch. */
export function startReplaceBatch(
  world: World,
  audience: Audience,
  params: SessionParams,
  digest: string,
  schemaId: string,
): BatchStart {
  const sessions = world.sessionsOf(audience.accountId);
  const upload = sessions.get(params.sessionId);
  if (params.batchSeq === 1) {
    if (upload && upload.audienceId === audience.id && upload.operation === 'replace') {
      const replay = replayOf(upload, params, digest);
      if (replay) return replay;
    }
    if (audience.replaceSessionId) throw replaceInProgress();
    if (upload) throw sessionTaken(upload);
    return { upload: { ...newSession(world, audience, 'replace', params), schemaId } };
  }
  if (upload?.operation !== 'replace' || upload.audienceId !== audience.id) {
    throw replaceError(
      1870147,
      'Invalid Upload Batch for Replace',
      'The first batch_seq was not detected. You must start your batch_seq at integer 1.',
    );
  }
  if (upload.timedOut) {
    throw replaceError(
      1870158,
      'Replace Session Timed Out',
      'The 90-minute limit of this replace session was reached; the audience was replaced with what was uploaded until then. Add the rest with /users.',
    );
  }
  if (upload.finished) {
    throw replaceError(
      1870159,
      'Replace Session Finished',
      'A batch with last_batch_flag was already received for this replace session.',
    );
  }
  if (upload.schemaId !== schemaId) {
    throw updateFailed(
      'the schema defined in the first batch must be kept in every batch of a replace session',
    );
  }
  return { upload };
}

/** Records an accepted batch in its session and returns the answer (kept for retries). */
export function recordBatch(
  world: World,
  upload: UploadSession,
  params: SessionParams,
  digest: string,
  check: RowCheck,
  received: number,
): UploadResult {
  world.sessionsOf(upload.accountId).set(upload.id, upload);
  upload.numReceived += received;
  upload.numInvalidEntries += check.invalid;
  upload.lastBatchSeq = Math.max(upload.lastBatchSeq, params.batchSeq);
  if (params.estimatedNumTotal !== undefined) upload.estimatedNumTotal = params.estimatedNumTotal;
  // num_received counts the whole session so far; the invalid entries are this request's.
  const result: UploadResult = {
    num_received: upload.numReceived,
    num_invalid_entries: check.invalid,
    invalid_entry_samples: check.samples,
  };
  upload.batches.set(params.batchSeq, { digest, result });
  if (params.last) {
    upload.finished = true;
    upload.finishedAtMs = world.now().getTime();
  }
  return result;
}

/** Starts collecting a replace session's members (first batch). */
export function beginReplace(world: World, audience: Audience, upload: UploadSession): void {
  upload.staged = new AudienceMembers(world.options.retainRows);
  audience.replaceSessionId = upload.id;
}

/** Swaps in the replacement members: on the last batch, or when the window ran out. */
export function finishReplace(world: World, audience: Audience, upload: UploadSession): void {
  if (upload.staged) audience.members = upload.staged;
  upload.staged = undefined;
  upload.finished = true;
  upload.finishedAtMs ??= world.now().getTime();
  audience.replaceSessionId = undefined;
  audience.timeContentUpdated = world.nowSeconds();
}

/** Replace sessions end by themselves 90 minutes after they started (checked lazily). */
export function settleReplace(world: World, audience: Audience): void {
  if (!audience.replaceSessionId) return;
  const upload = world.sessionsOf(audience.accountId).get(audience.replaceSessionId);
  if (!upload) return;
  if (world.now().getTime() - upload.startedAtMs >= REPLACE_WINDOW_MS) {
    upload.timedOut = true;
    finishReplace(world, audience, upload);
  }
}
