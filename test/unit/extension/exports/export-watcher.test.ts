import { describe, expect, it, vi } from 'vitest';
import { createExportWatcher } from '../../../../extension/exports/export-watcher.ts';
import { memoryTrackedExportStore } from '../../../../extension/exports/tracked-exports-storage.ts';
import { AT, trackedJob } from './tracked-export-fixture.ts';

const sse = (id: number, event: object) => `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`;
const body = (text: string) => new Response(text);

function watcherWith(responses: string[], sleep = async (_ms: number) => {}) {
  const store = memoryTrackedExportStore({ exp_1: trackedJob() });
  const headers: Record<string, string>[] = [];
  const openStream = vi.fn(async (_path: string, h: Record<string, string>) => {
    headers.push(h);
    return { ok: true as const, value: body(responses.shift() ?? '') };
  });
  const stopKeepAlive = vi.fn();
  const signals = {
    showRunning: vi.fn(async (_count: number) => {}),
    announceEnd: vi.fn(async () => {}),
    keepAlive: vi.fn(() => stopKeepAlive),
  };
  const watcher = createExportWatcher({
    relay: async () => ({ openStream, request: vi.fn() }),
    store,
    signals,
    sleep,
  });
  return { watcher, store, headers, signals, stopKeepAlive };
}

describe('the export watcher', () => {
  it('resumes a dropped stream after its last event, then announces the end once', async () => {
    const { watcher, store, headers, signals, stopKeepAlive } = watcherWith([
      sse(1, { type: 'phase', phase: 'uploading', audience: 'EMAIL', at: AT }),
      sse(2, { type: 'end', status: 'done', resumable: false, at: AT }),
    ]);
    await watcher.resumeRunning();
    await watcher.idle();
    expect(headers.map((h) => h['last-event-id'])).toEqual([undefined, '1']);
    expect((await store.all()).exp_1).toMatchObject({ phase: 'done', lastEventId: 2 });
    expect(signals.announceEnd).toHaveBeenCalledTimes(1);
    expect(signals.showRunning).toHaveBeenLastCalledWith(0);
    expect(signals.keepAlive).toHaveBeenCalledTimes(1);
    expect(stopKeepAlive).toHaveBeenCalledTimes(1);
  });

  it('counts running jobs on the badge and leaves ended ones alone', async () => {
    // The dropped stream waits for ever before reconnecting: one attempt to look at.
    const { watcher, store, signals, headers } = watcherWith([], () => new Promise(() => {}));
    await store.update('exp_1', () => trackedJob({ phase: 'done' }));
    await store.update('exp_2', () => trackedJob({ id: 'exp_2', phase: 'filtering' }));
    await store.update('exp_3', () => trackedJob({ id: 'exp_3', phase: 'failed' }));
    await watcher.resumeRunning();
    expect(signals.showRunning).toHaveBeenLastCalledWith(1);
    await vi.waitFor(() => expect(headers).toHaveLength(1));
  });
});
