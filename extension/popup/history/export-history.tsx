import { useCallback, useState } from 'preact/hooks';
import { describeError } from '../../../shared/error-catalog.ts';
import type { ExportJobView } from '../../../shared/relay-api/exports.ts';
import { isRunning } from '../../exports/tracked-export.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { BackgroundExports } from '../../ui/background-exports.ts';
import { formatDate } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';
import { useRelayAnswer } from '../use-relay-answer.ts';

const text = en.exports.history;
/** How many exports each "show older" asks for more of. */
export const HISTORY_PAGE = 20;
/** The most the relay lists at once. */
const HISTORY_MAX = 200;

export interface ExportHistoryProps {
  exports: Pick<BackgroundExports, 'list'>;
  relayUrl: string;
  /** Opens an export's report (live progress while it runs). */
  onOpen: (exportId: string) => void;
}

/** The workspace's recent exports, newest first, as the relay keeps them. */
export function ExportHistory({ exports, relayUrl, onOpen }: ExportHistoryProps) {
  const [limit, setLimit] = useState(HISTORY_PAGE);
  const ask = useCallback(() => exports.list(limit), [exports, limit]);
  const { answer, settled } = useRelayAnswer(ask, relayUrl);

  const content = () => {
    if (!answer) return <p class="ar-muted">{text.loading}</p>;
    if (!answer.ok) return <ProblemNotice problem={answer.problem} live={false} />;
    const jobs = answer.value.exports;
    if (jobs.length === 0) return <p class="ar-muted">{text.empty}</p>;
    // The relay does not page: older exports come with a larger limit.
    const more = limit < HISTORY_MAX && (!settled || jobs.length >= limit);
    return (
      <>
        <ul class="export-history__list">
          {jobs.map((job) => (
            <HistoryEntry key={job.id} job={job} onOpen={onOpen} />
          ))}
        </ul>
        {more && (
          <ActionButton
            variant="secondary"
            busy={!settled}
            busyLabel={text.loadingMore}
            onClick={() => setLimit(Math.min(HISTORY_MAX, limit + HISTORY_PAGE))}
          >
            {text.more}
          </ActionButton>
        )}
      </>
    );
  };

  return (
    <section class="ar-card export-history" aria-labelledby="history-heading">
      <h2 id="history-heading" class="popup__section-heading">
        {text.heading}
      </h2>
      {content()}
    </section>
  );
}

type HistoryStatus = keyof typeof text.status;

const statusOf = (job: ExportJobView): HistoryStatus =>
  isRunning({ phase: job.status }) ? 'running' : (job.status as HistoryStatus);

function HistoryEntry({ job, onOpen }: { job: ExportJobView; onOpen: (id: string) => void }) {
  const status = statusOf(job);
  return (
    <li>
      {/* Its text is its name: the export, its status, when, and how many audiences. */}
      <button type="button" class="export-history__entry" onClick={() => onOpen(job.id)}>
        <span class="export-history__name">{job.source.name}</span>
        <span class={`export-history__status export-history__status--${status}`}>
          {text.status[status]}
        </span>
        <span class="export-history__meta">
          {formatDate(job.createdAt, true)} · {text.audiences(job.audiences.length)}
        </span>
        {job.status === 'failed' && job.error && (
          <span class="export-history__failure">{describeError(job.error.code).title}</span>
        )}
        {status === 'running' && <span class="export-history__live">{text.followLive}</span>}
      </button>
    </li>
  );
}
