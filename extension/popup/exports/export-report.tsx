import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ExportAudienceView } from '../../../shared/relay-api/exports.ts';
import { isRunning } from '../../exports/tracked-export.ts';
import { en } from '../../i18n/en.ts';
import type { BackgroundExports } from '../../ui/background-exports.ts';
import { explainRelayReply } from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { LookalikeForm } from '../lookalikes/lookalike-form.tsx';
import { useRelayAnswer } from '../use-relay-answer.ts';
import { ExportProgress } from './export-progress.tsx';
import { ExportReportDetails } from './export-report-details.tsx';
import { type TrackedExportsSource, useTrackedExports } from './use-tracked-exports.ts';

export interface ExportReportProps {
  exportId: string;
  relayUrl: string;
  tracked: TrackedExportsSource;
  exports: Pick<BackgroundExports, 'get' | 'follow' | 'resume' | 'cancel' | 'createLookalike'>;
}

/**
 * One export found by id: live progress while it runs (the background follows it, even one
 * another browser started), then the relay's full report, from which a stopped export is
 * resumed and lookalikes are made. What the history and a notification's click open.
 */
export function ExportReport({ exportId, relayUrl, tracked, exports }: ExportReportProps) {
  const jobs = useTrackedExports(tracked);
  const ask = useCallback(() => exports.get(exportId), [exports, exportId]);
  const { answer, reload } = useRelayAnswer(ask, relayUrl);
  const [seed, setSeed] = useState<ExportAudienceView | null>(null);
  const followed = jobs?.[exportId];
  const followedRunning = followed !== undefined && isRunning(followed);
  const relayRunning = answer?.ok === true && isRunning({ phase: answer.value.status });

  // The report is final once the run ends: ask for it again when the live view ends.
  const wasRunning = useRef(followedRunning);
  useEffect(() => {
    if (wasRunning.current && !followedRunning) reload();
    wasRunning.current = followedRunning;
  }, [followedRunning, reload]);

  // Running, but not followed by this browser: the background follows it from now on.
  const mustFollow = jobs !== null && relayRunning && !followedRunning;
  useEffect(() => {
    if (mustFollow) void exports.follow(exportId).then(reload);
  }, [mustFollow, exports, exportId, reload]);

  if (followed && followedRunning) {
    return <ExportProgress job={followed} onCancel={() => exports.cancel(followed.id)} />;
  }
  if (!answer || jobs === null) return <p class="ar-muted">{en.exports.report.loading}</p>;
  if (!answer.ok) {
    if (answer.code === 'not_found') {
      return <p class="ar-notice ar-notice--info">{en.exports.reportMissing}</p>;
    }
    return <ProblemNotice problem={answer.problem} live={false} />;
  }
  if (relayRunning) return <p class="ar-muted">{en.exports.following}</p>;

  const job = answer.value;
  if (seed) {
    return (
      <LookalikeForm
        seed={seed}
        create={async (request) =>
          explainRelayReply(
            await exports.createLookalike(seed.facebookAudienceId, request),
            relayUrl,
          )
        }
        onBack={() => setSeed(null)}
      />
    );
  }
  return (
    <ExportReportDetails
      job={job}
      onLookalike={setSeed}
      onResume={async () => {
        const resumed = explainRelayReply(await exports.resume(job.id), relayUrl);
        if (!resumed.ok) return resumed.problem;
        reload();
        return null;
      }}
    />
  );
}
