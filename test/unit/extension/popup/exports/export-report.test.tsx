import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExportReport } from '../../../../../extension/popup/exports/export-report.tsx';
import type { ExportJobView } from '../../../../../shared/relay-api/exports.ts';
import { trackedJob } from '../../exports/tracked-export-fixture.ts';
import { exportJobViewOf } from '../../support/export-job-view.ts';
import {
  fakeBackgroundExports,
  fakeTrackedExports,
  NOT_FOUND,
} from '../../support/fake-background-exports.ts';
import { REVOKED, relayConnection } from '../../support/fake-background-relay.ts';
import { button, click, field, mount, pageText, settle, type } from '../../support/render-page.ts';

const RELAY_URL = relayConnection().url;
const ok = <T,>(value: T) => ({ ok: true as const, value: { ok: true as const, value } });

async function openReport(
  relayView: ExportJobView | null,
  tracked = fakeTrackedExports(),
  exports = fakeBackgroundExports(),
) {
  if (relayView) exports.get.mockResolvedValue(ok(relayView));
  await mount(
    <ExportReport exportId="exp_1" relayUrl={RELAY_URL} tracked={tracked} exports={exports} />,
  );
  await settle();
  return { exports, tracked };
}

const heading = () => document.querySelector('h2')?.textContent;

describe('an export’s report', () => {
  it('follows a running export live, then shows the relay’s final report', async () => {
    const tracked = fakeTrackedExports({ exp_1: trackedJob({ phase: 'uploading' }) });
    const { exports } = await openReport(exportJobViewOf({ status: 'uploading' }), tracked);
    expect(heading()).toBe(en.exports.progressHeading);
    await click(button(en.exports.cancel));
    expect(exports.cancel).toHaveBeenCalledWith('exp_1');
    // This browser already follows it: nothing more to follow.
    expect(exports.follow).not.toHaveBeenCalled();

    exports.get.mockResolvedValue(ok(exportJobViewOf()));
    tracked.set({ exp_1: trackedJob({ phase: 'done' }) });
    await settle();
    await settle();
    expect(exports.get).toHaveBeenCalledTimes(2);
    expect(heading()).toBe(en.exports.phases.done);
    expect(pageText()).toContain(en.exports.report.usersHeading);
  });

  it('has the background follow a running export this browser did not start', async () => {
    const tracked = fakeTrackedExports();
    const exports = fakeBackgroundExports();
    exports.follow.mockImplementation(async () => {
      tracked.set({ exp_1: trackedJob({ phase: 'filtering' }) });
      return ok(exportJobViewOf({ status: 'filtering' }));
    });
    await openReport(exportJobViewOf({ status: 'filtering' }), tracked, exports);
    await settle();
    expect(exports.follow).toHaveBeenCalledExactlyOnceWith('exp_1');
    expect(heading()).toBe(en.exports.progressHeading);
  });

  it('says it is following while the background has not picked the export up', async () => {
    const exports = fakeBackgroundExports();
    exports.follow.mockReturnValue(new Promise(() => {}));
    await openReport(exportJobViewOf({ status: 'queued' }), fakeTrackedExports(), exports);
    expect(pageText()).toContain(en.exports.following);
  });

  it('shows the report of an ended export, even one this browser followed', async () => {
    const tracked = fakeTrackedExports({ exp_1: trackedJob({ phase: 'done' }) });
    const { exports } = await openReport(exportJobViewOf(), tracked);
    expect(heading()).toBe(en.exports.phases.done);
    expect(exports.follow).not.toHaveBeenCalled();
    expect(exports.get).toHaveBeenCalledOnce();
  });

  it('says so when the export is not the workspace’s', async () => {
    const { exports } = await openReport(null);
    expect(exports.get).toHaveBeenCalledWith('exp_1');
    expect(pageText()).toContain(en.exports.reportMissing);
    expect(NOT_FOUND.failure.code).toBe('not_found');
  });

  it('explains a relay that refuses', async () => {
    const exports = fakeBackgroundExports();
    exports.get.mockResolvedValue({ ok: true, value: { ok: false, failure: REVOKED } });
    await openReport(null, fakeTrackedExports(), exports);
    expect(pageText()).toContain('Workspace key revoked');
  });

  it('resumes a stopped export and follows it live again', async () => {
    const tracked = fakeTrackedExports({ exp_1: trackedJob({ phase: 'failed' }) });
    const exports = fakeBackgroundExports();
    const failed = exportJobViewOf({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_custom_audience_terms_not_accepted', message: 'terms' },
    });
    exports.resume.mockImplementation(async () => {
      tracked.set({ exp_1: trackedJob({ phase: 'queued' }) });
      return ok({ ...failed, status: 'queued' as const });
    });
    await openReport(failed, tracked, exports);
    await click(button(en.exports.report.resume));
    expect(exports.resume).toHaveBeenCalledExactlyOnceWith('exp_1');
    expect(heading()).toBe(en.exports.progressHeading);
  });

  it('explains a resume the relay refuses', async () => {
    const failed = exportJobViewOf({
      status: 'failed',
      resumable: true,
      error: { code: 'facebook_token_invalid', message: 'token' },
    });
    const { exports } = await openReport(failed);
    exports.resume.mockResolvedValue({ ok: false, error: 'No listeners' });
    await click(button(en.exports.report.resume));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      en.problems.extensionNotAnswering.title,
    );
  });

  it('creates a lookalike of an audience and comes back to the report', async () => {
    const job = exportJobViewOf();
    const { exports } = await openReport(job);
    exports.createLookalike.mockResolvedValue(
      ok({
        id: '2385',
        name: 'Lookalike (US, CA, 3%) — Spring buyers — Email',
        originAudienceId: '2384001',
        adsManagerUrl: 'https://adsmanager.facebook.com/adsmanager/audiences?act=1&ids=2385',
      }),
    );
    await click(button(en.exports.report.createLookalike));
    expect(heading()).toBe(en.lookalike.heading);
    expect(pageText()).toContain('Spring buyers — Email');
    await type(field(en.lookalike.countries), 'us, ca');
    await type(field(en.lookalike.ratio), '3');
    await click(button(en.lookalike.submit));
    expect(exports.createLookalike).toHaveBeenCalledExactlyOnceWith('2384001', {
      countries: ['US', 'CA'],
      ratio: 0.03,
    });
    expect(pageText()).toContain('Lookalike (US, CA, 3%) — Spring buyers — Email');
    expect(document.querySelector('a')?.href).toContain('ids=2385');

    await click(button(en.lookalike.backToReport));
    expect(heading()).toBe(en.exports.phases.done);
  });
});
