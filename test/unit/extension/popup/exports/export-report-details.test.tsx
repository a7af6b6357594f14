import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExportReportDetails } from '../../../../../extension/popup/exports/export-report-details.tsx';
import type { Explanation } from '../../../../../extension/ui/explanation.ts';
import { formatCount } from '../../../../../extension/ui/format.ts';
import { CONSENT_FILTER_LABELS } from '../../../../../shared/consent-settings.ts';
import { describeError, termsOfServiceUrl } from '../../../../../shared/error-catalog.ts';
import type { ExportJobView } from '../../../../../shared/relay-api/exports.ts';
import { AD_ACCOUNT, exportJobViewOf } from '../../support/export-job-view.ts';
import { button, click, mount, pageText } from '../../support/render-page.ts';

const text = en.exports.report;

async function showReport(
  job: ExportJobView,
  onResume: () => Promise<Explanation | null> = async () => null,
) {
  const onLookalike = vi.fn();
  await mount(<ExportReportDetails job={job} onResume={onResume} onLookalike={onLookalike} />);
  return { onLookalike };
}

/** The value cell of the row a label heads. */
function rowValue(scope: ParentNode, label: string) {
  const row = [...scope.querySelectorAll('tr')].find(
    (tr) => tr.querySelector('th')?.textContent === label,
  );
  expect(row, `a row "${label}"`).toBeDefined();
  return [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent);
}

const audienceCard = (name: string) =>
  [...document.querySelectorAll('article')].find(
    (a) => a.querySelector('h4')?.textContent === name,
  );

describe('the report of an export that ended', () => {
  it('says what was read, what each consent filter removed, and what was sent', async () => {
    const job = exportJobViewOf();
    await showReport(job);
    expect(document.querySelector('#report-heading')?.textContent).toBe(en.exports.phases.done);
    expect(pageText()).toContain('Spring buyers');
    expect(pageText()).toContain(text.adAccount(AD_ACCOUNT));
    const users = document.querySelector('table') as HTMLTableElement;
    expect(users.querySelector('caption')?.textContent).toBe(text.usersHeading);
    expect(users.querySelector('th[scope="rowgroup"]')?.textContent).toBe(text.leftOut);
    expect(rowValue(users, text.usersRead)).toEqual(['1,234']);
    expect(rowValue(users, text.malformed)).toEqual(['6']);
    expect(rowValue(users, CONSENT_FILTER_LABELS.opt_out)).toEqual(['31']);
    expect(rowValue(users, CONSENT_FILTER_LABELS.opt_in)).toEqual(['0']);
    expect(rowValue(users, CONSENT_FILTER_LABELS.email_unsubscribed)).toEqual(['12']);
    expect(rowValue(users, CONSENT_FILTER_LABELS.ad_tracking)).toEqual(['3']);
    expect(rowValue(users, text.eligible)).toEqual(['1,188']);
    expect(rowValue(users, text.withoutUsableKey)).toEqual(['8']);
    expect(rowValue(users, text.usersSent)).toEqual(['1,180']);
    expect(pageText()).toContain(text.malformedLine(17, 'The line is not valid JSON.'));
    // Only shown when device IDs were held back.
    expect(pageText()).not.toContain(text.deviceIdsWithheld);
    expect(pageText()).toContain(en.exports.matchNote);
  });

  it('gives each audience its fields, Meta’s counts and its Ads Manager link', async () => {
    const job = exportJobViewOf();
    await showReport(job);
    const email = audienceCard('Spring buyers — Email') as HTMLElement;
    expect(rowValue(email, 'Email')).toEqual(['1,150', '9']);
    expect(rowValue(email, text.rowsSent)).toEqual(['1,150']);
    expect(rowValue(email, text.metaReceived)).toEqual(['1,150']);
    expect(rowValue(email, text.metaInvalid)).toEqual(['4']);
    const link = email.querySelector('a');
    expect(link?.href).toBe(job.audiences[0]?.adsManagerUrl);
    expect(link?.target).toBe('_blank');
    expect(link?.textContent).toContain(text.openInAdsManager);
    expect(link?.textContent).toContain(text.newTab);

    const phone = audienceCard('Spring buyers — Phone number') as HTMLElement;
    expect(rowValue(phone, 'Phone number')).toEqual([formatCount(1_020), '77']);
    // Meta had not answered for this audience: no count is made up.
    expect(rowValue(phone, text.metaReceived)).toEqual([text.notYetAnswered]);
    expect(phone.querySelector('a')?.href).toBe(job.audiences[1]?.adsManagerUrl);
  });

  it('offers a lookalike of each audience of a finished export', async () => {
    const job = exportJobViewOf();
    const { onLookalike } = await showReport(job);
    const phone = audienceCard('Spring buyers — Phone number') as HTMLElement;
    const create = [...phone.querySelectorAll('button')].find(
      (b) => b.textContent === text.createLookalike,
    );
    await click(create as HTMLButtonElement);
    expect(onLookalike).toHaveBeenCalledExactlyOnceWith(job.audiences[1]);
  });

  it('lists withheld device IDs when there were some', async () => {
    const job = exportJobViewOf();
    await showReport({ ...job, report: job.report && { ...job.report, deviceIdsWithheld: 5 } });
    expect(rowValue(document, text.deviceIdsWithheld)).toEqual(['5']);
  });

  it('explains a failure with the catalog and resumes it when the relay can', async () => {
    const code = 'facebook_custom_audience_terms_not_accepted';
    const job = exportJobViewOf({
      status: 'failed',
      resumable: true,
      error: { code, message: 'terms' },
    });
    const onResume = vi.fn(async () => null);
    await showReport(job, onResume);
    const entry = describeError(code, { adAccountId: AD_ACCOUNT });
    expect(document.querySelector('#report-heading')?.textContent).toBe(en.exports.phases.failed);
    expect(pageText()).toContain(entry.title);
    expect(pageText()).toContain(entry.explanation);
    expect(pageText()).toContain(termsOfServiceUrl(AD_ACCOUNT));
    // No lookalike from audiences an export did not finish.
    expect(pageText()).not.toContain(text.createLookalike);
    await click(button(text.resume));
    expect(onResume).toHaveBeenCalledOnce();
  });

  it('shows why a resume was refused', async () => {
    const job = exportJobViewOf({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_token_invalid', message: 'token' },
      report: null,
      audiences: [],
    });
    const refused = { title: 'Not resumable', explanation: 'It ended.', steps: [] };
    await showReport(job, async () => refused);
    expect(pageText()).toContain(text.noAudiences);
    await click(button(text.resume));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain('Not resumable');
  });

  it('offers no resume when the relay cannot resume the export', async () => {
    await showReport(
      exportJobViewOf({
        status: 'failed',
        resumable: false,
        error: { code: 'braze_segment_not_found', message: 'gone' },
      }),
    );
    expect(pageText()).not.toContain(text.resume);
  });
});
