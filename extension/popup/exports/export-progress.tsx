import { useState } from 'preact/hooks';
import { describeError } from '../../../shared/error-catalog.ts';
import { MATCH_KEY_LABELS, type MatchKey } from '../../../shared/match-keys/keys.ts';
import { isRunning, type TrackedExport } from '../../exports/tracked-export.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { formatCount } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';

const text = en.exports;

export interface ExportProgressProps {
  job: TrackedExport;
  /** Settles once the relay answered; the button says it is cancelling until then. */
  onCancel: () => Promise<unknown>;
  /** Offered once the export ended; left out where there is no segment to export again. */
  onNewExport?: () => void;
  /** Offered once the export ended: its full report. */
  onOpenReport?: () => void;
}

/** One export as its event stream last left it: phase, counts, audiences, errors. */
export function ExportProgress({ job, onCancel, onNewExport, onOpenReport }: ExportProgressProps) {
  const [cancelling, setCancelling] = useState(false);
  const running = isRunning(job);
  const cancel = () => {
    setCancelling(true);
    void onCancel().finally(() => setCancelling(false));
  };
  const progress = job.progress;
  const eligible = progress?.eligible ?? 0;
  const expectedRows = progress?.fields.reduce((sum, f) => sum + f.valid, 0) ?? 0;
  const percent = running
    ? expectedRows > 0 && progress
      ? Math.min(99, Math.round((progress.sent / expectedRows) * 100))
      : 0
    : 100;
  const label = (audience: string) => MATCH_KEY_LABELS[audience as MatchKey] ?? audience;

  return (
    <section class="ar-card export-progress" aria-labelledby="progress-heading">
      <h2 id="progress-heading" class="popup__section-heading">
        {running ? text.progressHeading : text.phases[job.phase]}
      </h2>
      <p class="popup__segment-name">{job.name}</p>
      {/* Once ended the heading names the phase: the live line says what that means. */}
      <p aria-live="polite" class={`export-progress__phase export-progress__phase--${job.phase}`}>
        {running ? text.phases[job.phase] : text.outcome[job.phase as keyof typeof text.outcome]}
        {job.audience && ` · ${label(job.audience)}`}
      </p>
      <progress
        class="export-progress__bar"
        max={100}
        value={percent}
        aria-label={text.progressLabel}
      />
      <dl class="export-progress__counts">
        <Count label={text.counts.read} value={progress?.read ?? 0} />
        <Count label={text.counts.eligible} value={eligible} />
        <Count label={text.counts.sent} value={progress?.sent ?? 0} />
        <Count label={text.counts.invalid} value={progress?.invalid ?? 0} />
      </dl>
      {running && progress && progress.rowsPerSecond > 0 && (
        <p class="ar-muted">{text.rate(formatCount(Math.round(progress.rowsPerSecond)))}</p>
      )}
      {progress && progress.audiences.length > 0 && (
        <table class="popup-counts">
          <thead>
            <tr>
              <th scope="col">{text.audience}</th>
              <th scope="col">{text.counts.sent}</th>
              <th scope="col">{text.counts.invalid}</th>
            </tr>
          </thead>
          <tbody>
            {progress.audiences.map((a) => (
              <tr key={a.audience}>
                <th scope="row">{label(a.audience)}</th>
                <td>{formatCount(a.sent)}</td>
                <td>{formatCount(a.invalid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {job.errors.map((error) => {
        const entry = describeError(error.code, { adAccountId: job.adAccountId });
        return (
          <div key={error.code}>
            {error.retrying && <p class="ar-muted">{text.retrying}</p>}
            <ProblemNotice
              problem={{ title: entry.title, explanation: entry.explanation, steps: entry.steps }}
            />
          </div>
        );
      })}
      {!running && <p class="ar-muted export-progress__note">{text.matchNote}</p>}
      {running ? (
        <ActionButton
          variant="danger"
          busy={cancelling}
          busyLabel={text.cancelling}
          onClick={cancel}
        >
          {text.cancel}
        </ActionButton>
      ) : (
        (onOpenReport || onNewExport) && (
          <div class="export-progress__actions">
            {onOpenReport && (
              <ActionButton variant="primary" onClick={onOpenReport}>
                {text.openReport}
              </ActionButton>
            )}
            {onNewExport && (
              <ActionButton variant="secondary" onClick={onNewExport}>
                {text.newExport}
              </ActionButton>
            )}
          </div>
        )
      )}
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{formatCount(value)}</dd>
    </div>
  );
}
