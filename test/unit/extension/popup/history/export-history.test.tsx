import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import {
  ExportHistory,
  HISTORY_PAGE,
} from '../../../../../extension/popup/history/export-history.tsx';
import { formatDate } from '../../../../../extension/ui/format.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import type { ExportJobView } from '../../../../../shared/relay-api/exports.ts';
import { exportJobViewOf } from '../../support/export-job-view.ts';
import { fakeBackgroundExports } from '../../support/fake-background-exports.ts';
import { REVOKED, relayConnection } from '../../support/fake-background-relay.ts';
import { button, click, mount, pageText, settle } from '../../support/render-page.ts';

const text = en.exports.history;
const RELAY_URL = relayConnection().url;

async function showHistory(jobs: ExportJobView[] | ((limit: number) => ExportJobView[])) {
  const exports = fakeBackgroundExports();
  exports.list.mockImplementation(async (limit) => ({
    ok: true,
    value: { ok: true, value: { exports: typeof jobs === 'function' ? jobs(limit) : jobs } },
  }));
  const onOpen = vi.fn();
  await mount(<ExportHistory exports={exports} relayUrl={RELAY_URL} onOpen={onOpen} />);
  await settle();
  return { exports, onOpen };
}

const entries = () => [...document.querySelectorAll('.export-history__list button')];

describe('the export history', () => {
  it('lists each export with its name, status, date and audiences, newest first as the relay does', async () => {
    const done = exportJobViewOf();
    const running = exportJobViewOf({
      id: 'exp_2',
      status: 'uploading',
      source: { kind: 'file', name: 'VIPs.csv' },
      audiences: done.audiences.slice(0, 1),
      finishedAt: null,
    });
    const { exports } = await showHistory([running, done]);
    expect(exports.list).toHaveBeenCalledExactlyOnceWith(HISTORY_PAGE);
    expect(document.querySelector('h2')?.textContent).toBe(text.heading);
    const [first, second] = entries().map((entry) => entry.textContent ?? '');
    expect(first).toContain('VIPs.csv');
    expect(first).toContain(text.status.running);
    expect(first).toContain(text.audiences(1));
    expect(first).toContain(text.followLive);
    expect(second).toContain('Spring buyers');
    expect(second).toContain(text.status.done);
    expect(second).toContain(formatDate(done.createdAt, true));
    expect(second).toContain(text.audiences(2));
    expect(second).not.toContain(text.followLive);
  });

  it('gives a failed export the catalog’s short title, and a cancelled one its status', async () => {
    await showHistory([
      exportJobViewOf({
        status: 'failed',
        error: { code: 'facebook_custom_audience_terms_not_accepted', message: 'terms' },
      }),
      exportJobViewOf({ id: 'exp_2', status: 'cancelled' }),
      exportJobViewOf({
        id: 'exp_3',
        status: 'failed',
        error: { code: 'some_future_code', message: '?' },
      }),
    ]);
    const [failed, cancelled, unknown] = entries().map((entry) => entry.textContent ?? '');
    expect(failed).toContain(text.status.failed);
    expect(failed).toContain(describeError('facebook_custom_audience_terms_not_accepted').title);
    expect(cancelled).toContain(text.status.cancelled);
    expect(unknown).toContain(describeError('unknown_error').title);
  });

  it('opens the report of the export chosen', async () => {
    const { onOpen } = await showHistory([
      exportJobViewOf(),
      exportJobViewOf({ id: 'exp_2', status: 'queued' }),
    ]);
    await click(entries()[1] as HTMLButtonElement);
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('exp_2');
  });

  it('asks for older exports while the relay fills each page, and stops when it does not', async () => {
    const all = Array.from({ length: HISTORY_PAGE + 5 }, (_, i) =>
      exportJobViewOf({ id: `exp_${i}`, source: { kind: 'braze', name: `Segment ${i}` } }),
    );
    const { exports } = await showHistory((limit) => all.slice(0, limit));
    expect(entries()).toHaveLength(HISTORY_PAGE);
    await click(button(text.more));
    expect(exports.list).toHaveBeenLastCalledWith(HISTORY_PAGE * 2);
    expect(entries()).toHaveLength(HISTORY_PAGE + 5);
    expect(pageText()).not.toContain(text.more);
  });

  it('says when there is nothing yet', async () => {
    await showHistory([]);
    expect(pageText()).toContain(text.empty);
    expect(entries()).toHaveLength(0);
  });

  it('explains a relay that refuses, and a background that does not answer', async () => {
    const exports = fakeBackgroundExports();
    exports.list.mockResolvedValueOnce({ ok: true, value: { ok: false, failure: REVOKED } });
    await mount(<ExportHistory exports={exports} relayUrl={RELAY_URL} onOpen={vi.fn()} />);
    await settle();
    expect(pageText()).toContain('Workspace key revoked');
    expect(pageText()).toContain('req-42');

    exports.list.mockResolvedValueOnce({ ok: false, error: 'No listeners' });
    await mount(<ExportHistory exports={exports} relayUrl={RELAY_URL} onOpen={vi.fn()} />);
    await settle();
    expect(pageText()).toContain(en.problems.extensionNotAnswering.title);
  });

  it('says it is loading until the relay answers', async () => {
    const exports = fakeBackgroundExports();
    exports.list.mockReturnValue(new Promise(() => {}));
    await mount(<ExportHistory exports={exports} relayUrl={RELAY_URL} onOpen={vi.fn()} />);
    expect(pageText()).toContain(text.loading);
  });
});
