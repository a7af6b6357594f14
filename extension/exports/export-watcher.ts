import {
  type CreateExportRequest,
  type ExportJobView,
  exportJobView,
} from '../../shared/relay-api/exports.ts';
import { callRelay } from '../relay/call-relay.ts';
import type { RelayClient } from '../relay/relay-client.ts';
import type { RelayResult } from '../relay/relay-failure.ts';
import { readExportEvents } from './export-event-stream.ts';
import { applyExportEvent, isRunning, type TrackedExport } from './tracked-export.ts';
import type { TrackedExportStore } from './tracked-exports-storage.ts';

/** What the watcher shows outside its store: the badge, notifications, a live worker. */
export interface ExportSignals {
  /** The number of exports still running (0 clears the badge). */
  showRunning(count: number): Promise<void>;
  /** An export finished, failed or was cancelled. */
  announceEnd(job: TrackedExport): Promise<void>;
  /** Keeps the service worker alive while streams are read; returns the function that stops. */
  keepAlive(): () => void;
}

export interface ExportWatcherOptions {
  relay: () => Promise<Pick<RelayClient, 'request' | 'openStream'> | null>;
  store: TrackedExportStore;
  signals: ExportSignals;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Wait before reconnecting a dropped stream. */
  reconnectDelayMs?: number;
}

export interface ExportStart {
  request: CreateExportRequest;
  /** What the popup and notifications call it: the segment's name. */
  name: string;
  segmentKey: string | null;
}

/** The background's export jobs: starts them, follows their streams, resumes after restarts. */
export interface ExportWatcher {
  start(start: ExportStart): Promise<RelayResult<ExportJobView>>;
  cancel(id: string): Promise<RelayResult<ExportJobView>>;
  /**
   * Follows an export this browser did not start (one the history lists) while it runs, so
   * the popup shows it live; an ended one is only answered with.
   */
  follow(id: string): Promise<RelayResult<ExportJobView>>;
  /** Resumes a stopped export whose cause was fixed, and follows it again. */
  resume(id: string): Promise<RelayResult<ExportJobView>>;
  /** Re-attaches every running job whose stream is not being read (worker start, alarm). */
  resumeRunning(): Promise<void>;
  /** Resolves once every stream being read has stopped (tests). */
  idle(): Promise<void>;
}

const RECONNECT_DELAY_MS = 2_000;

export function createExportWatcher({
  relay,
  store,
  signals,
  now = () => new Date(),
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  reconnectDelayMs = RECONNECT_DELAY_MS,
}: ExportWatcherOptions): ExportWatcher {
  const reading = new Map<string, Promise<void>>();
  let stopKeepAlive: (() => void) | null = null;

  const refreshBadge = async () => {
    const jobs = Object.values(await store.all());
    await signals.showRunning(jobs.filter(isRunning).length);
  };

  const followStream = async (id: string) => {
    const controller = new AbortController();
    for (;;) {
      const client = await relay();
      const job = (await store.all())[id];
      if (!client || !job || !isRunning(job)) return;
      const outcome = await readExportEvents({
        relay: client,
        exportId: id,
        lastEventId: job.lastEventId,
        signal: controller.signal,
        onEvent: async (eventId, event) => {
          await store.update(id, (current) => applyExportEvent(current ?? job, eventId, event));
          if (event.type === 'phase' || event.type === 'end') await refreshBadge();
        },
      });
      if (outcome.kind === 'ended') {
        const ended = (await store.all())[id];
        if (ended) await signals.announceEnd(ended);
        return;
      }
      if (outcome.kind === 'refused') {
        // The relay no longer knows the job for this key: stop counting it as running.
        await store.update(id, (current) => ({ ...(current ?? job), phase: 'failed' }));
        await refreshBadge();
        return;
      }
      await sleep(reconnectDelayMs);
    }
  };

  const attach = (id: string) => {
    if (reading.has(id)) return;
    if (reading.size === 0) stopKeepAlive = signals.keepAlive();
    const run = followStream(id)
      .catch(() => {})
      .finally(() => {
        reading.delete(id);
        if (reading.size === 0) {
          stopKeepAlive?.();
          stopKeepAlive = null;
        }
      });
    reading.set(id, run);
  };

  /**
   * Saves a job the relay just answered with as running and reads its stream. A job already
   * followed keeps its last event id, so its stream continues where it stopped; its old
   * errors belong to the run that ended.
   */
  const track = async (
    view: ExportJobView,
    origin: Pick<TrackedExport, 'name' | 'segmentKey'> = {
      name: view.source.name,
      segmentKey: null,
    },
  ) => {
    await store.update(view.id, (current) =>
      current
        ? {
            ...current,
            phase: view.status,
            resumable: view.resumable,
            errors: isRunning(current) ? current.errors : [],
          }
        : {
            id: view.id,
            ...origin,
            adAccountId: view.adAccountId,
            phase: view.status,
            audience: null,
            progress: null,
            errors: [],
            resumable: view.resumable,
            lastEventId: null,
            startedAt: now().toISOString(),
          },
    );
    await refreshBadge();
    attach(view.id);
  };

  return {
    async start({ request, name, segmentKey }) {
      const created = await callRelay(relay, 'POST', '/v1/exports', exportJobView, request);
      if (created.ok) await track(created.value, { name, segmentKey });
      return created;
    },

    cancel: (id) =>
      callRelay(relay, 'POST', `/v1/exports/${encodeURIComponent(id)}/cancel`, exportJobView),

    async follow(id) {
      const found = await callRelay(
        relay,
        'GET',
        `/v1/exports/${encodeURIComponent(id)}`,
        exportJobView,
      );
      if (found.ok && isRunning({ phase: found.value.status })) await track(found.value);
      return found;
    },

    async resume(id) {
      const resumed = await callRelay(
        relay,
        'POST',
        `/v1/exports/${encodeURIComponent(id)}/resume`,
        exportJobView,
      );
      if (resumed.ok) await track(resumed.value);
      return resumed;
    },

    async resumeRunning() {
      for (const job of Object.values(await store.all())) {
        if (isRunning(job)) attach(job.id);
      }
      await refreshBadge();
    },

    async idle() {
      while (reading.size) await Promise.all([...reading.values()]);
    },
  };
}
