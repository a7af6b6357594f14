import { en } from '../../i18n/en.ts';
import type { BackgroundExports } from '../../ui/background-exports.ts';
import { ExportProgress } from './export-progress.tsx';
import { type TrackedExportsSource, useTrackedExports } from './use-tracked-exports.ts';

export interface ExportReportProps {
  exportId: string;
  tracked: TrackedExportsSource;
  exports: Pick<BackgroundExports, 'cancel'>;
}

/**
 * One export, found by id rather than by the tab's segment: what a click on its notification
 * opens (`popup.html?export=<id>`, in a tab of its own). Live while it still runs.
 */
export function ExportReport({ exportId, tracked, exports }: ExportReportProps) {
  const jobs = useTrackedExports(tracked);
  if (jobs === null) return <p class="ar-muted">{en.loading}</p>;
  const job = jobs[exportId];
  if (!job) return <p class="ar-notice ar-notice--info">{en.exports.reportMissing}</p>;
  return <ExportProgress job={job} onCancel={() => exports.cancel(job.id)} />;
}
