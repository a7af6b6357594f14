import { useEffect, useState } from 'preact/hooks';
import type { FacebookStatusResponse } from '../../../shared/relay-api/facebook.ts';
import { en } from '../../i18n/en.ts';
import type { SelectedSegment } from '../../segment-selection/selected-segment-storage.ts';
import type { BackgroundExports } from '../../ui/background-exports.ts';
import {
  type Explanation,
  explainFacebookFailure,
  explainMessageError,
  explainRelayFailure,
} from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { ExportForm } from './export-form.tsx';
import { ExportProgress } from './export-progress.tsx';
import { type TrackedExportsSource, useTrackedExports } from './use-tracked-exports.ts';

export interface ExportPanelProps {
  segment: SelectedSegment;
  relayUrl: string;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  openOptions: () => void;
  /** Opens an export's full report, once it ended. */
  onOpenReport: (exportId: string) => void;
}

/** Same segment page, same key: the popup finds this segment's export again when reopened. */
export const segmentKey = (segment: SelectedSegment) =>
  `${segment.host}/${segment.workspaceId}/${segment.segmentId}`;

type FacebookView =
  | { phase: 'loading' }
  | { phase: 'ready'; facebook: FacebookStatusResponse }
  | { phase: 'problem'; problem: Explanation };

/** The segment's latest export, live; or the form to start one. */
export function ExportPanel({
  segment,
  relayUrl,
  exports,
  tracked,
  openOptions,
  onOpenReport,
}: ExportPanelProps) {
  const jobs = useTrackedExports(tracked);
  const [facebook, setFacebook] = useState<FacebookView>({ phase: 'loading' });
  const [formWanted, setFormWanted] = useState(false);

  useEffect(() => {
    void exports.facebookStatus().then((reply) => {
      if (!reply.ok) setFacebook({ phase: 'problem', problem: explainMessageError(reply.error) });
      else if (!reply.value.ok)
        setFacebook({
          phase: 'problem',
          problem: explainFacebookFailure(reply.value.failure, relayUrl),
        });
      else setFacebook({ phase: 'ready', facebook: reply.value.value });
    });
  }, [exports, relayUrl]);

  if (jobs === null) return <p class="ar-muted">{en.loading}</p>;
  const key = segmentKey(segment);
  const latest = Object.values(jobs)
    .filter((job) => job.segmentKey === key)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];

  if (latest && !formWanted) {
    return (
      <ExportProgress
        job={latest}
        onCancel={() => exports.cancel(latest.id)}
        onOpenReport={() => onOpenReport(latest.id)}
        onNewExport={() => setFormWanted(true)}
      />
    );
  }
  if (facebook.phase === 'loading') return <p class="ar-muted">{en.loading}</p>;
  if (facebook.phase === 'problem') return <ProblemNotice problem={facebook.problem} />;

  const submit = async (request: Parameters<BackgroundExports['start']>[0]) => {
    const reply = await exports.start(request, segment.name, key);
    if (!reply.ok) return explainMessageError(reply.error).explanation;
    if (!reply.value.ok) {
      const problem = explainRelayFailure(reply.value.failure, relayUrl);
      return `${problem.title}. ${problem.explanation}`;
    }
    setFormWanted(false);
    return null;
  };
  return (
    <ExportForm
      segment={segment}
      facebook={facebook.facebook}
      onSubmit={submit}
      openOptions={openOptions}
    />
  );
}
