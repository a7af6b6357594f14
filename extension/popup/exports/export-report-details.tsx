import { useState } from 'preact/hooks';
import { CONSENT_FILTER_LABELS, CONSENT_FILTERS } from '../../../shared/consent-settings.ts';
import { describeError } from '../../../shared/error-catalog.ts';
import {
  type AudienceReport,
  type ExportReport,
  SOURCE_PROBLEM_TEXT,
} from '../../../shared/export-report.ts';
import { MATCH_KEY_LABELS, type MatchKey } from '../../../shared/match-keys/keys.ts';
import type { ExportAudienceView, ExportJobView } from '../../../shared/relay-api/exports.ts';
import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import type { Explanation } from '../../ui/explanation.ts';
import { formatCount, formatDate } from '../../ui/format.ts';
import { ProblemNotice } from '../../ui/problem-notice.tsx';

const text = en.exports.report;

export interface ExportReportDetailsProps {
  /** An export that ended, as the relay reports it. */
  job: ExportJobView;
  /** Resumes a stopped export; resolves with the problem to show, or null once resumed. */
  onResume: () => Promise<Explanation | null>;
  /** Opens the lookalike form on one of the export's audiences. */
  onLookalike: (audience: ExportAudienceView) => void;
}

/** What an ended export did, from the source to Meta, audience by audience. */
export function ExportReportDetails({ job, onResume, onLookalike }: ExportReportDetailsProps) {
  const { report } = job;
  return (
    <section class="ar-card export-report" aria-labelledby="report-heading">
      <h2 id="report-heading" class="popup__section-heading">
        {en.exports.phases[job.status]}
      </h2>
      <div>
        <p class="popup__segment-name">{job.source.name}</p>
        <p class="ar-muted export-report__meta">
          {text.started(formatDate(job.createdAt, true))} · {text.adAccount(job.adAccountId)}
        </p>
      </div>
      {job.status === 'failed' && job.error && (
        <Failure job={job} code={job.error.code} onResume={onResume} />
      )}
      {report && <UserCounts report={report} />}
      <AudienceList job={job} report={report} onLookalike={onLookalike} />
      <p class="ar-muted export-report__note">{en.exports.matchNote}</p>
    </section>
  );
}

function Failure({
  job,
  code,
  onResume,
}: {
  job: ExportJobView;
  code: string;
  onResume: () => Promise<Explanation | null>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Explanation | null>(null);
  const { title, explanation, steps } = describeError(code, { adAccountId: job.adAccountId });
  const resume = async () => {
    setBusy(true);
    setProblem(await onResume());
    setBusy(false);
  };
  return (
    <>
      <ProblemNotice problem={{ title, explanation, steps }} live={false}>
        {job.resumable && (
          <ActionButton variant="primary" busy={busy} busyLabel={text.resuming} onClick={resume}>
            {text.resume}
          </ActionButton>
        )}
      </ProblemNotice>
      {problem && <ProblemNotice problem={problem} />}
    </>
  );
}

function UserCounts({ report }: { report: ExportReport }) {
  const { source, users } = report;
  return (
    <div class="export-report__part">
      <table class="popup-counts export-report__table">
        <caption>{text.usersHeading}</caption>
        <tbody>
          <CountRow label={text.usersRead} value={users.read} />
          <CountRow label={text.malformed} value={source.malformed} />
          <tr>
            <th scope="rowgroup" colSpan={2} class="export-report__group">
              {text.leftOut}
            </th>
          </tr>
          {CONSENT_FILTERS.map((filter) => (
            <CountRow
              key={filter}
              label={CONSENT_FILTER_LABELS[filter]}
              value={users.removed[filter]}
              inGroup
            />
          ))}
          <CountRow label={text.eligible} value={users.eligible} strong />
          <CountRow label={text.withoutUsableKey} value={users.withoutUsableKey} />
          <CountRow label={text.usersSent} value={users.sent} strong />
          {report.deviceIdsWithheld > 0 && (
            <CountRow label={text.deviceIdsWithheld} value={report.deviceIdsWithheld} />
          )}
        </tbody>
      </table>
      {source.malformedSample.length > 0 && (
        <ul class="export-report__malformed">
          {source.malformedSample.map(({ line, problem }) => (
            <li key={line}>{text.malformedLine(line, SOURCE_PROBLEM_TEXT[problem])}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CountRow(props: { label: string; value: number; strong?: boolean; inGroup?: boolean }) {
  const { label, value, strong, inGroup } = props;
  const kind = strong ? 'export-report__total' : inGroup ? 'export-report__in-group' : undefined;
  return (
    <tr class={kind}>
      <th scope="row">{label}</th>
      <td>{formatCount(value)}</td>
    </tr>
  );
}

function AudienceList({
  job,
  report,
  onLookalike,
}: {
  job: ExportJobView;
  report: ExportReport | null;
  onLookalike: (audience: ExportAudienceView) => void;
}) {
  return (
    <div class="export-report__part">
      <h3 class="export-report__heading">{text.audiencesHeading}</h3>
      {job.audiences.length === 0 && <p class="ar-muted">{text.noAudiences}</p>}
      {job.audiences.map((audience) => (
        <AudienceCard
          key={audience.facebookAudienceId}
          audience={audience}
          counts={report?.audiences.find((a) => a.audience === audience.audience) ?? null}
          canLookalike={job.status === 'done'}
          onLookalike={() => onLookalike(audience)}
        />
      ))}
    </div>
  );
}

function AudienceCard({
  audience,
  counts,
  canLookalike,
  onLookalike,
}: {
  audience: ExportAudienceView;
  counts: AudienceReport | null;
  canLookalike: boolean;
  onLookalike: () => void;
}) {
  const headingId = `audience-${audience.facebookAudienceId}`;
  return (
    <article class="export-report__audience" aria-labelledby={headingId}>
      <div>
        <h4 id={headingId} class="export-report__audience-name">
          {audience.name}
        </h4>
        <a
          class="export-report__ads-manager"
          href={audience.adsManagerUrl}
          target="_blank"
          rel="noreferrer"
        >
          {text.openInAdsManager}
          <span aria-hidden="true"> ↗</span>
          <span class="ar-visually-hidden"> {text.newTab}</span>
        </a>
      </div>
      {counts && (
        <table class="popup-counts export-report__table">
          <thead>
            <tr>
              <th scope="col">{text.field}</th>
              <th scope="col">{text.valid}</th>
              <th scope="col">{text.unusable}</th>
            </tr>
          </thead>
          <tbody>
            {counts.fields.map((field) => (
              <tr key={field.key}>
                <th scope="row">{MATCH_KEY_LABELS[field.key as MatchKey] ?? field.key}</th>
                <td>{formatCount(field.valid)}</td>
                <td>{formatCount(field.unusable)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {counts && (
        <table class="popup-counts export-report__table">
          <tbody>
            <CountRow label={text.rowsSent} value={counts.sent} />
            {counts.meta ? (
              <>
                <CountRow label={text.metaReceived} value={counts.meta.received} />
                <CountRow label={text.metaInvalid} value={counts.meta.invalid} />
              </>
            ) : (
              <tr>
                <th scope="row">{text.metaReceived}</th>
                <td>{text.notYetAnswered}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      {canLookalike && (
        <ActionButton variant="secondary" onClick={onLookalike}>
          {text.createLookalike}
        </ActionButton>
      )}
    </article>
  );
}
