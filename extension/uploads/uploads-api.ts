import type { z } from 'zod';
import {
  type UploadLimitsResponse,
  type UploadPreviewRequest,
  type UploadPreviewResponse,
  type UploadResponse,
  uploadLimitsResponse,
  uploadPreviewResponse,
  uploadResponse,
} from '../../shared/relay-api/uploads.ts';
import type { RelayAccess } from '../relay/relay-connection.ts';
import type { RelayFailure } from '../relay/relay-failure.ts';
import { relayAnswer, sendRelayRequest } from '../relay/send-relay-request.ts';
import { type SendFileOptions, type SentFile, sendFile as xhrSendFile } from './send-file.ts';

/**
 * Why an upload call failed: the relay's failures, no relay configured, or no background to
 * hand out a session.
 */
export type UploadFailure =
  | RelayFailure
  | { kind: 'no-relay' }
  | { kind: 'no-background'; detail: string };

export type UploadResult<T> = { ok: true; value: T } | { ok: false; failure: UploadFailure };

/** The relay's upload endpoints, called by the upload page itself. */
export interface UploadsApi {
  limits(): Promise<UploadResult<UploadLimitsResponse>>;
  /** Sends the file; `onProgress` hears the bytes sent so far. Aborting resolves unreachable. */
  upload(
    file: Blob,
    options: Pick<SendFileOptions, 'onProgress' | 'signal'>,
  ): Promise<UploadResult<UploadResponse>>;
  preview(
    uploadId: string,
    request: UploadPreviewRequest,
  ): Promise<UploadResult<UploadPreviewResponse>>;
}

export interface UploadsApiOptions {
  /** The relay and a session on it; `renew` after the relay refused the last one. */
  access: (renew: boolean) => Promise<UploadResult<RelayAccess>>;
  fetch?: typeof globalThis.fetch;
  sendFile?: (options: SendFileOptions) => Promise<SentFile>;
  /** For the JSON calls; an upload takes as long as it takes. */
  timeoutMs?: number;
}

/**
 * The page's own calls to the relay, with the background's session: a file goes straight
 * from the disk to the relay, never through runtime messages (which copy it whole, twice).
 */
export function createUploadsApi({
  access,
  fetch = (input, init) => globalThis.fetch(input, init),
  sendFile = (options) => xhrSendFile(options),
  timeoutMs = 30_000,
}: UploadsApiOptions): UploadsApi {
  /** Runs `call` with a session; a 401 (the session ended early) asks for a new one, once. */
  const withAccess = async <T>(
    call: (access: RelayAccess) => Promise<UploadResult<T>>,
  ): Promise<UploadResult<T>> => {
    const first = await access(false);
    if (!first.ok) return first;
    const answer = await call(first.value);
    if (answer.ok || answer.failure.kind !== 'unauthenticated') return answer;
    const again = await access(true);
    return again.ok ? call(again.value) : again;
  };

  const json = <T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T, unknown>,
    body?: unknown,
  ) =>
    withAccess(({ relayUrl, token }) =>
      sendRelayRequest({
        relayUrl,
        method,
        path,
        schema,
        token,
        ...(body !== undefined && { body }),
        timeoutMs,
        fetch,
      }),
    );

  return {
    limits: () => json('GET', '/v1/uploads/limits', uploadLimitsResponse),
    upload: (file, { onProgress, signal }) =>
      withAccess(async ({ relayUrl, token }) => {
        const sent = await sendFile({
          url: `${relayUrl}/v1/uploads`,
          token,
          file,
          onProgress,
          signal,
        });
        if (sent === null)
          return { ok: false, failure: { kind: 'unreachable', reason: 'network' } };
        return relayAnswer(sent.status, sent.text, uploadResponse);
      }),
    preview: (uploadId, request) =>
      json(
        'POST',
        `/v1/uploads/${encodeURIComponent(uploadId)}/preview`,
        uploadPreviewResponse,
        request,
      ),
  };
}
