import { describe, expect, it } from 'vitest';
import { applyExportEvent, isRunning } from '../../../../extension/exports/tracked-export.ts';
import { memoryTrackedExportStore } from '../../../../extension/exports/tracked-exports-storage.ts';
import { AT, trackedJob } from './tracked-export-fixture.ts';

describe('applyExportEvent', () => {
  it('follows phases, keeps the last progress and the latest error of each code', () => {
    let job = trackedJob();
    job = applyExportEvent(job, 1, {
      type: 'phase',
      phase: 'uploading',
      audience: 'EMAIL',
      at: AT,
    });
    expect(job).toMatchObject({ phase: 'uploading', audience: 'EMAIL', lastEventId: 1 });
    const error = { type: 'error' as const, code: 'facebook_throttled', message: 'm', at: AT };
    job = applyExportEvent(job, 2, { ...error, retrying: true });
    job = applyExportEvent(job, 3, { ...error, retrying: false });
    expect(job.errors).toEqual([{ ...error, retrying: false }]);
    job = applyExportEvent(job, 4, { type: 'end', status: 'failed', resumable: true, at: AT });
    expect(job).toMatchObject({ phase: 'failed', resumable: true, audience: null });
    expect(isRunning(job)).toBe(false);
  });

  it('ignores an event it already applied (a resumed stream repeating itself)', () => {
    const job = trackedJob({ lastEventId: 5, phase: 'uploading' });
    expect(applyExportEvent(job, 5, { type: 'phase', phase: 'queued', at: AT })).toBe(job);
  });
});

describe('the tracked export store', () => {
  it('loses no update when several arrive at once', async () => {
    const store = memoryTrackedExportStore();
    await Promise.all(['a', 'b', 'c'].map((id) => store.update(id, () => trackedJob({ id }))));
    expect(Object.keys(await store.all()).sort()).toEqual(['a', 'b', 'c']);
  });
});
