import type { RecordedRequest } from './control/request-log.ts';
import type { ExportState } from './exports/jobs.ts';

export interface ExportSummary {
  object_prefix: string;
  segment_id: string;
  url: string;
  state: ExportState;
  callback: string;
  ready_at: string;
  expires_at: string;
}

/**
 * Typed client for the emulator's control API (`<rest url>/__sandbox`), for tests and demos
 * that run the emulator in another process or only know its URL.
 */
export function createBrazeControl(restUrl: string, fetchImpl: typeof fetch = fetch) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetchImpl(`${restUrl}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(
        `Braze control ${method} ${path} failed: ${response.status} ${await response.text()}`,
      );
    }
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  return {
    /** The next `count` requests to the REST origin answer `status` (a 5xx). */
    failNext: (count = 1, status = 500) => call('POST', '/faults/fail-next', { count, status }),
    /** The next `count` downloads end cleanly after `afterBytes` bytes. */
    truncateArchive: (afterBytes: number, count = 1) =>
      call('POST', '/faults/truncate-archive', { afterBytes, count }),
    /** The next `count` downloads write every `every`-th user line as broken JSON. */
    malformedLines: (every: number, count = 1) =>
      call('POST', '/faults/malformed-lines', { every, count }),
    /** The next `count` downloads lose their connection after `afterBytes` bytes. */
    dropConnection: (afterBytes: number, count = 1) =>
      call('POST', '/faults/drop-connection', { afterBytes, count }),
    clearFaults: () => call('DELETE', '/faults'),
    /** How long exports started from now on take to become ready. */
    setExportDelay: (ms: number) => call('POST', '/export-delay', { ms }),
    advanceClock: async (ms: number) =>
      new Date(((await call('POST', '/clock', { advanceMs: ms })) as { now: string }).now),
    setClock: async (at: Date) =>
      new Date(((await call('POST', '/clock', { now: at.toISOString() })) as { now: string }).now),
    now: async () => new Date(((await call('GET', '/clock')) as { now: string }).now),
    /** Every request the REST origin received (control calls excluded), oldest first. */
    requests: async () =>
      ((await call('GET', '/requests')) as { requests: RecordedRequest[] }).requests,
    clearRequests: () => call('DELETE', '/requests'),
    exports: async () => ((await call('GET', '/exports')) as { exports: ExportSummary[] }).exports,
    /** Faults, exports, requests, clock and rate-limit counters back to their start. */
    reset: () => call('POST', '/reset'),
  };
}

export type BrazeControl = ReturnType<typeof createBrazeControl>;
