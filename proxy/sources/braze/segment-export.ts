import { ApiError } from '../../http/api-error.ts';
import { ColumnNames } from '../column-names.ts';
import { decodeUtf8, iterate } from '../file/decode-text.ts';
import { DEFAULT_MAX_LINE_LENGTH } from '../file/read-file-source.ts';
import { readNdjson } from '../file/read-ndjson.ts';
import type { SourceItem } from '../source-item.ts';
import { type Backoff, backoffDelay, sleep as realSleep, type Sleep } from './backoff.ts';
import { type BrazeClient, BrazeResponseError } from './braze-client.ts';
import type { BrazeExportCallbacks, ExportDoorbell } from './export-callbacks.ts';
import { ArchiveError, type EntryBytes, unzipEntries } from './unzip-entries.ts';

/** A source item of a Braze export: users and problems also name their file in the archive. */
export type BrazeSourceItem = SourceItem & { entry?: string };

export interface BrazeSegmentExportOptions {
  client: BrazeClient;
  /** The Segment API identifier (a UUID), not the dashboard's internal id. */
  segmentApiId: string;
  /** `fields_to_export`: see `brazeExportFields`. */
  fields: readonly string[];
  /** `custom_attributes_to_export`. */
  customAttributes?: readonly string[];
  /** Stops waiting and downloading; the generator then throws the signal's reason. */
  signal?: AbortSignal;
  /**
   * Asks Braze to call back (`callback_endpoint`) when the file is ready: the call ends the
   * wait before the next poll. Polling goes on as the fallback.
   */
  callbacks?: Pick<BrazeExportCallbacks, 'open'>;
  /** The longest NDJSON line read, in characters; longer ones are counted as problems. */
  maxLineLength?: number;
  /** The longest wait for Braze to prepare the file. Default 2 hours (20M users "an hour or more"). */
  maxWaitMs?: number;
  /** Polling of the download URL. Default 2 s doubling up to 1 minute. */
  poll?: Backoff;
  /** Waits while another export of the segment runs (429). Default 6, from 10 s up to 5 min. */
  busyRetries?: number;
  busyBackoff?: Backoff;
  /** Downloads of the archive when one ends early. Default 3. */
  downloadAttempts?: number;
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
}

const DEFAULTS = {
  maxWaitMs: 2 * 60 * 60_000,
  poll: { baseMs: 2000, maxMs: 60_000 },
  busyRetries: 6,
  busyBackoff: { baseMs: 10_000, maxMs: 5 * 60_000 },
  downloadAttempts: 3,
};

/**
 * The users of a Braze segment, through `POST /users/export/segment` (braze-and-platforms.md
 * §1.4): asks for the export, polls its URL with backoff until Braze has written it (403
 * until then), then streams the ZIP and parses each NDJSON file line by line: memory stays
 * constant whatever the segment's size. Items come in archive order, with their file name
 * (`entry`) and line in it.
 *
 * - Another export of the segment running (429): waits and asks again, a bounded number of
 *   times (`braze_export_busy`).
 * - URL expired before the download began: asks for a new export, once
 *   (`braze_export_expired`).
 * - Download cut short (truncated archive, lost connection): downloads the same URL again
 *   and skips the lines already yielded (the file behind a URL does not change); after
 *   `downloadAttempts` the export fails (`braze_export_truncated`), because an audience
 *   silently missing users is worse than no audience.
 * - Malformed lines are `problem` items: counted by the pipeline, never fatal.
 * - With `callbacks`, Braze is asked to call back when the file is ready, which ends the
 *   wait at once; the URL is still checked, and polled as before.
 *
 * Determinism: one URL always gives the same items in the same order. A new export of the
 * same segment (after a crash, hours later) may not: users join and leave segments, and
 * Braze does not promise any file order. A job that resumes by re-reading the source must
 * not assume a second export matches the first.
 */
export async function* openBrazeSegmentExport(
  options: BrazeSegmentExportOptions,
): AsyncGenerator<BrazeSourceItem> {
  const settings = {
    ...DEFAULTS,
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    ...options,
  };
  if (options.fields.length === 0) {
    throw new ApiError('validation_failed', 'A Braze export needs at least one field.');
  }
  const doorbell = options.callbacks?.open();
  try {
    yield* readExport({ ...settings, doorbell });
  } finally {
    doorbell?.close();
  }
}

async function* readExport(settings: Settings): AsyncGenerator<BrazeSourceItem> {
  const { signal } = settings;
  let url = await requestExport(settings);
  let renewed = false;
  let read = 0;
  let attempts = 0;
  const columns = new ColumnNames();
  const reported = new Set<string>();
  for (;;) {
    const response = await waitUntilReady(url, settings);
    if (response === 'expired') {
      // A new export may hold other users in another order: never splice it onto a partial read.
      if (renewed || read > 0) {
        throw new ApiError(
          'braze_export_expired',
          read > 0
            ? `The Braze export link expired after ${read} lines were read; a new export could differ, so it is not resumed.`
            : 'The Braze export link expired, and so did the one of a new export.',
        );
      }
      renewed = true;
      url = await requestExport(settings);
      continue;
    }
    attempts += 1;
    let position = 0;
    const skip = read;
    try {
      for await (const item of readArchive(iterate(response.body as ReadableStream<Uint8Array>), {
        columns,
        maxLineLength: settings.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH,
      })) {
        if (item.kind === 'unmapped-column') {
          if (reported.has(item.name)) continue;
          reported.add(item.name);
        } else {
          position += 1;
          if (position <= skip) continue;
          read += 1;
        }
        yield item;
        // Items already inflated would otherwise still flow after an abort.
        signal?.throwIfAborted();
      }
      return;
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const cutShort =
        error instanceof ArchiveError ? error.reason === 'truncated' : isLostConnection(error);
      if (!cutShort) {
        throw error instanceof ArchiveError
          ? new ApiError('braze_export_unreadable', error.message)
          : error;
      }
      if (attempts >= settings.downloadAttempts) {
        throw new ApiError(
          'braze_export_truncated',
          `The Braze export ended early ${attempts} times (${String(error instanceof Error ? error.message : error)}); ` +
            `${read} lines were read. The export fails rather than leave users silently out of the audience.`,
          { linesRead: read },
        );
      }
    }
  }
}

type Settings = BrazeSegmentExportOptions &
  typeof DEFAULTS & {
    now: () => number;
    sleep: Sleep;
    random: () => number;
    doorbell: ExportDoorbell | undefined;
  };

async function requestExport(settings: Settings): Promise<string> {
  const { client, segmentApiId, fields, customAttributes, signal, doorbell } = settings;
  const body = {
    segment_id: segmentApiId,
    ...(doorbell ? { callback_endpoint: doorbell.url } : {}),
    fields_to_export: fields,
    ...(customAttributes?.length ? { custom_attributes_to_export: customAttributes } : {}),
    output_format: 'zip',
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const answer = await client.post<{ url?: string | null }>(
        '/users/export/segment',
        body,
        signal,
      );
      if (!answer.url) {
        throw new ApiError(
          'braze_export_to_cloud_storage',
          'Braze answered without a download URL: the export went to cloud storage.',
        );
      }
      return answer.url;
    } catch (error) {
      if (!(error instanceof BrazeResponseError)) throw error;
      if (error.status === 429) {
        if (attempt >= settings.busyRetries) {
          throw new ApiError('braze_export_busy', error.message);
        }
        await settings.sleep(backoffDelay(attempt, settings.busyBackoff, settings.random), signal);
        continue;
      }
      if (error.status === 400 && /segment/i.test(error.message)) {
        throw new ApiError('braze_segment_not_found', error.message, { segmentApiId });
      }
      throw error;
    }
  }
}

/** The download once Braze has written the file, or `expired`. */
async function waitUntilReady(url: string, settings: Settings): Promise<Response | 'expired'> {
  const { client, signal, now } = settings;
  const started = now();
  for (let attempt = 0; ; attempt += 1) {
    const response = await client.download(url, signal);
    if (response.ok && response.body !== null) return response;
    const text = await response.text();
    if (response.status === 403 && /expired/i.test(text)) return 'expired';
    if (response.status !== 403) {
      throw new ApiError('braze_unavailable', `The Braze export URL answered ${response.status}.`);
    }
    const delay = backoffDelay(attempt, settings.poll, settings.random);
    const waited = now() - started;
    if (waited + delay > settings.maxWaitMs) {
      throw new ApiError(
        'braze_export_timeout',
        `Braze had not finished the export after ${Math.round(waited / 60_000)} minutes of waiting.`,
        { waitedMs: waited },
      );
    }
    await pollPause(delay, settings);
  }
}

/** Waits until the next poll, or until Braze calls back, whichever comes first. */
async function pollPause(delay: number, { sleep, signal, doorbell }: Settings): Promise<void> {
  if (!doorbell) return sleep(delay, signal);
  const woken = new AbortController();
  const slept = sleep(delay, signal ? AbortSignal.any([signal, woken.signal]) : woken.signal);
  try {
    await Promise.race([slept, doorbell.rung()]);
  } finally {
    woken.abort();
    // Not awaited: a sleep that ignores its signal must not hold the download back.
    slept.catch(() => {});
  }
  signal?.throwIfAborted();
}

/** A download that failed mid-body: fetch's "terminated" or a socket error. */
function isLostConnection(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && 'code' in error);
}

/** The items of every NDJSON file in the archive, in archive order. */
async function* readArchive(
  bytes: AsyncIterable<Uint8Array>,
  options: { columns: ColumnNames; maxLineLength: number },
): AsyncGenerator<BrazeSourceItem> {
  const pieces = unzipEntries(bytes)[Symbol.asyncIterator]();
  try {
    let next = await pieces.next();
    while (!next.done) {
      const { entry } = next.value;
      // The entry's bytes, pulled from the shared stream until its last piece.
      const entryBytes = async function* () {
        while (!next.done && next.value.entry === entry) {
          const piece: EntryBytes = next.value;
          yield piece.data;
          next = await pieces.next();
          if (piece.final) return;
        }
      };
      if (entry.endsWith('/')) {
        for await (const _ of entryBytes()) {
          // a directory: nothing to read
        }
        continue;
      }
      for await (const item of readNdjson(decodeUtf8(entryBytes()), options)) {
        yield item.kind === 'unmapped-column' ? item : { ...item, entry };
      }
    }
  } finally {
    await pieces.return?.(undefined);
  }
}
