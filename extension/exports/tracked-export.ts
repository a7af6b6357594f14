import { z } from 'zod';
import {
  ENDED_PHASES,
  EXPORT_PHASES,
  type ExportEvent,
  errorEvent,
  progressEvent,
} from '../../shared/export-events.ts';

/**
 * An export this browser started, as its event stream last left it: what the popup shows
 * live, and where the background resumes the stream (`lastEventId`).
 */
export const trackedExportSchema = z.object({
  id: z.string(),
  /** What was exported (the segment's name), for the badge, notifications and popup. */
  name: z.string(),
  adAccountId: z.string(),
  /** The dashboard segment it came from, so the popup on that page shows its progress. */
  segmentKey: z.string().nullable(),
  phase: z.enum(EXPORT_PHASES),
  /** The plan audience being uploaded, during `uploading`. */
  audience: z.string().nullable(),
  progress: progressEvent.nullable(),
  /** The latest error of each code (retrying or final), oldest first. */
  errors: z.array(errorEvent),
  resumable: z.boolean(),
  lastEventId: z.number().int().nullable(),
  startedAt: z.iso.datetime(),
});
export type TrackedExport = z.infer<typeof trackedExportSchema>;

export function isRunning(job: Pick<TrackedExport, 'phase'>): boolean {
  return !ENDED_PHASES.includes(job.phase);
}

/** The job after one more event of its stream; events at or before `lastEventId` are ignored. */
export function applyExportEvent(
  job: TrackedExport,
  id: number,
  event: ExportEvent,
): TrackedExport {
  if (job.lastEventId !== null && id <= job.lastEventId) return job;
  const next = { ...job, lastEventId: id };
  switch (event.type) {
    case 'phase':
      return { ...next, phase: event.phase, audience: event.audience ?? null };
    case 'progress':
      return { ...next, progress: event };
    case 'error':
      return { ...next, errors: [...job.errors.filter((e) => e.code !== event.code), event] };
    case 'end':
      return { ...next, phase: event.status, audience: null, resumable: event.resumable };
  }
}
