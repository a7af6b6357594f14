import { useEffect, useState } from 'preact/hooks';
import type { ConsentSettings } from '../../../shared/consent-settings.ts';
import type { FacebookStatusResponse } from '../../../shared/relay-api/facebook.ts';
import type { ExportSource } from '../../exports/export-source.ts';
import { en } from '../../i18n/en.ts';
import type { BackgroundExports } from '../../ui/background-exports.ts';
import {
  type Explanation,
  explainFacebookFailure,
  explainMessageError,
  explainRelayFailure,
  explainRelayReply,
} from '../../ui/explanation.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { ExportForm } from './export-form.tsx';
import { ExportProgress } from './export-progress.tsx';
import { type TrackedExportsSource, useTrackedExports } from './use-tracked-exports.ts';

export interface ExportPanelProps {
  source: ExportSource;
  relayUrl: string;
  exports: BackgroundExports;
  tracked: TrackedExportsSource;
  openOptions: () => void;
  /** Opens an export's full report, once it ended. */
  onOpenReport: (exportId: string) => void;
  /**
   * What the ended export offers next; by default the form again, for the same source. (An
   * upload is deleted once exported, so its page offers another file instead.)
   */
  next?: { label: string; start: () => void };
}

type FormView =
  | { phase: 'loading' }
  | { phase: 'ready'; facebook: FacebookStatusResponse; consentDefaults: ConsentSettings }
  | { phase: 'problem'; problem: Explanation };

/** The source's latest export, live; or the form to start one. */
export function ExportPanel({
  source,
  relayUrl,
  exports,
  tracked,
  openOptions,
  onOpenReport,
  next,
}: ExportPanelProps) {
  const jobs = useTrackedExports(tracked);
  const [form, setForm] = useState<FormView>({ phase: 'loading' });
  const [formWanted, setFormWanted] = useState(false);

  useEffect(() => {
    void Promise.all([exports.facebookStatus(), exports.consentDefaults()]).then(
      ([reply, defaults]) => {
        if (!reply.ok)
          return setForm({ phase: 'problem', problem: explainMessageError(reply.error) });
        if (!reply.value.ok) {
          return setForm({
            phase: 'problem',
            problem: explainFacebookFailure(reply.value.failure, relayUrl),
          });
        }
        // Never the built-in filters instead: the workspace may require stricter ones.
        const consent = explainRelayReply(defaults, relayUrl);
        if (!consent.ok) return setForm({ phase: 'problem', problem: consent.problem });
        setForm({
          phase: 'ready',
          facebook: reply.value.value,
          consentDefaults: consent.value.settings,
        });
      },
    );
  }, [exports, relayUrl]);

  if (jobs === null) return <p class="ar-muted">{en.loading}</p>;
  const key = source.key;
  const latest = Object.values(jobs)
    .filter((job) => job.segmentKey === key)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];

  if (latest && !formWanted) {
    return (
      <ExportProgress
        job={latest}
        onCancel={() => exports.cancel(latest.id)}
        onOpenReport={() => onOpenReport(latest.id)}
        onNewExport={next?.start ?? (() => setFormWanted(true))}
        {...(next && { newExportLabel: next.label })}
      />
    );
  }
  if (form.phase === 'loading') return <p class="ar-muted">{en.loading}</p>;
  if (form.phase === 'problem') return <ProblemNotice problem={form.problem} />;

  const submit = async (request: Parameters<BackgroundExports['start']>[0]) => {
    const reply = await exports.start(request, source.name, key);
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
      source={source}
      facebook={form.facebook}
      consentDefaults={form.consentDefaults}
      onSubmit={submit}
      openOptions={openOptions}
    />
  );
}
