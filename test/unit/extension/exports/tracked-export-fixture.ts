import type { TrackedExport } from '../../../../extension/exports/tracked-export.ts';

export const AT = '2026-11-22T10:00:00.000Z';
/** A followed export, still queued, with what a test changes. */
export const trackedJob = (over: Partial<TrackedExport> = {}): TrackedExport => ({
  id: 'exp_1',
  name: 'VIP buyers',
  adAccountId: '1029384756',
  segmentKey: 'host/ws/seg',
  phase: 'queued',
  audience: null,
  progress: null,
  errors: [],
  resumable: false,
  lastEventId: null,
  startedAt: AT,
  ...over,
});
