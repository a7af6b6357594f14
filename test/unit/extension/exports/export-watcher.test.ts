import { describe, expect, it, vi } from 'vitest';
import { createExportWatcher } from '../../../../extension/exports/export-watcher.ts';
import { memoryTrackedExportStore } from '../../../../extension/exports/tracked-exports-storage.ts';
import type { RelayClient } from '../../../../extension/relay/relay-client.ts';
import type { RelayResult } from '../../../../extension/relay/relay-failure.ts';
import { exportJobViewOf as jobView } from '../support/export-job-view.ts';
import { NOT_FOUND } from '../support/fake-background-exports.ts';
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
  const request = vi.fn(async (..._args: unknown[]): Promise<RelayResult<unknown>> => NOT_FOUND);
  const signals = {
    showRunning: vi.fn(async (_count: number) => {}),
    announceEnd: vi.fn(async () => {}),
    keepAlive: vi.fn(() => stopKeepAlive),
  };
  const watcher = createExportWatcher({
    // The mock answers whatever a test sets; the watcher checks nothing it returns.
    relay: async () => ({ openStream, request: request as RelayClient['request'] }),
    store,
    signals,
    sleep,
  });
  return { watcher, store, headers, signals, stopKeepAlive, request };
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

  it('follows a running export this browser did not start, from its first event', async () => {
    const { watcher, store, headers, request, signals } = watcherWith([
      sse(1, { type: 'phase', phase: 'uploading', audience: 'EMAIL', at: AT }),
      sse(2, { type: 'end', status: 'done', resumable: false, at: AT }),
    ]);
    request.mockResolvedValue({ ok: true, value: jobView({ id: 'exp_7', status: 'uploading' }) });
    const followed = await watcher.follow('exp_7');
    expect(followed).toMatchObject({ ok: true, value: { id: 'exp_7' } });
    expect(request).toHaveBeenCalledWith('GET', '/v1/exports/exp_7', expect.anything(), undefined);
    await watcher.idle();
    expect(headers[0]?.['last-event-id']).toBeUndefined();
    expect((await store.all()).exp_7).toMatchObject({
      name: 'Spring buyers',
      adAccountId: '1029384756',
      segmentKey: null,
      phase: 'done',
      lastEventId: 2,
    });
    expect(signals.announceEnd).toHaveBeenCalledOnce();
  });

  it('only answers with an export that ended, or one the relay refuses', async () => {
    const { watcher, store, request } = watcherWith([]);
    request.mockResolvedValueOnce({ ok: true, value: jobView({ id: 'exp_7', status: 'done' }) });
    expect(await watcher.follow('exp_7')).toMatchObject({ ok: true });
    request.mockResolvedValueOnce({ ok: false, failure: NOT_FOUND.failure });
    expect(await watcher.follow('exp_8')).toEqual(NOT_FOUND);
    expect(Object.keys(await store.all())).toEqual(['exp_1']);
  });

  it('resumes a stopped export after its last event, without its old errors', async () => {
    const { watcher, store, headers, request } = watcherWith([
      sse(8, { type: 'phase', phase: 'uploading', audience: 'EMAIL', at: AT }),
      sse(9, { type: 'end', status: 'done', resumable: false, at: AT }),
    ]);
    const error = {
      type: 'error' as const,
      code: 'facebook_token_invalid',
      message: 'x',
      retrying: false,
      at: AT,
    };
    await store.update('exp_1', () =>
      trackedJob({ phase: 'failed', resumable: true, lastEventId: 7, errors: [error] }),
    );
    request.mockResolvedValue({ ok: true, value: jobView({ status: 'queued' }) });
    expect(await watcher.resume('exp_1')).toMatchObject({ ok: true });
    expect(request).toHaveBeenCalledWith(
      'POST',
      '/v1/exports/exp_1/resume',
      expect.anything(),
      undefined,
    );
    await watcher.idle();
    expect(headers[0]?.['last-event-id']).toBe('7');
    expect((await store.all()).exp_1).toMatchObject({ phase: 'done', errors: [], lastEventId: 9 });
  });

  it('leaves a stopped export alone when the relay refuses to resume it', async () => {
    const { watcher, store, headers, request } = watcherWith([]);
    await store.update('exp_1', () => trackedJob({ phase: 'failed' }));
    request.mockResolvedValue({ ok: false, failure: NOT_FOUND.failure });
    expect(await watcher.resume('exp_1')).toEqual(NOT_FOUND);
    await watcher.idle();
    expect(headers).toHaveLength(0);
    expect((await store.all()).exp_1?.phase).toBe('failed');
  });

  it('answers as unreachable while no relay is configured', async () => {
    const watcher = createExportWatcher({
      relay: async () => null,
      store: memoryTrackedExportStore(),
      signals: {
        showRunning: async () => {},
        announceEnd: async () => {},
        keepAlive: () => () => {},
      },
    });
    const unreachable = { ok: false, failure: { kind: 'unreachable', reason: 'network' } };
    expect(await watcher.follow('exp_1')).toEqual(unreachable);
    expect(await watcher.resume('exp_1')).toEqual(unreachable);
    expect(await watcher.cancel('exp_1')).toEqual(unreachable);
  });
});
