import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { SyncDetail } from '../../../../../extension/syncs/page/sync-detail.tsx';
import { DEFAULT_CONSENT_SETTINGS } from '../../../../../shared/consent-settings.ts';
import { describeError } from '../../../../../shared/error-catalog.ts';
import { connectedAccount } from '../../facebook/facebook-fixtures.ts';
import { RELAY_URL } from '../../relay/fake-relay.ts';
import { button, click, mount, pageText, settle } from '../../support/render-page.ts';
import { manualIntervals } from '../manual-intervals.ts';
import {
  draftSync,
  fakeBackgroundSyncs,
  metrics,
  ok,
  refused,
  SYNC_ID,
  syncView,
} from '../sync-fixtures.ts';

const text = en.syncs.detail;
let syncs: ReturnType<typeof fakeBackgroundSyncs>;
beforeEach(() => {
  syncs = fakeBackgroundSyncs();
});

async function open() {
  const timers = manualIntervals();
  const onBack = vi.fn();
  const root = await mount(
    <SyncDetail
      syncId={SYNC_ID}
      syncs={syncs}
      relayUrl={RELAY_URL}
      accounts={[connectedAccount()]}
      consentDefaults={DEFAULT_CONSENT_SETTINGS}
      clipboard={{ writeText: async () => {} }}
      isAdmin
      onBack={onBack}
      refreshMs={5000}
      timers={timers}
      timeZone="UTC"
    />,
  );
  await settle();
  return { timers, onBack, root };
}

const summaryNumbers = () =>
  [...document.querySelectorAll('.sync-summary dd')].map((dd) => dd.textContent);
const status = () => document.querySelector('.sync-summary .sync-status')?.textContent;

describe('a sync’s page', () => {
  it('shows its state, numbers, chart, ingest URL and settings', async () => {
    await open();
    expect(document.querySelector('h2#sync-heading')?.textContent).toBe('Cart abandoners');
    expect(status()).toBe(en.syncs.status.active);
    expect(summaryNumbers()).toEqual(['120', '100', '5', '15', '0']);
    expect(syncs.metrics).toHaveBeenCalledWith(SYNC_ID, 6);
    expect(document.querySelector('svg[role="img"]')).not.toBeNull();
    expect(document.getElementById('ingest-url')).not.toBeNull();
    expect(
      document.querySelector('form#editor-heading, form[aria-labelledby="editor-heading"]'),
    ).not.toBeNull();
  });

  it('keeps the numbers and the chart fresh while open, and stops when closed', async () => {
    const { timers, root } = await open();
    syncs.metrics.mockResolvedValue(
      ok(metrics({ counts: { entered: 130, synced: 125, notSynced: 5, pending: 0, errored: 0 } })),
    );
    await timers.tick();
    expect(summaryNumbers()).toEqual(['130', '125', '5', '0', '0']);
    expect(timers.live()).toBe(1);
    await act(() => render(null, root));
    expect(timers.live()).toBe(0);
  });

  it('asks for another window of the chart', async () => {
    await open();
    const select = document.getElementById('chart-hours') as HTMLSelectElement;
    select.value = '24';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(syncs.metrics).toHaveBeenLastCalledWith(SYNC_ID, 24);
  });

  it('pauses an active sync and resumes it', async () => {
    await open();
    await click(button(text.pause));
    expect(syncs.pause).toHaveBeenCalledWith(SYNC_ID);
    expect(status()).toBe(en.syncs.status.paused);
    expect(pageText()).toContain(text.pausedNote);
    await click(button(text.resume));
    expect(syncs.resume).toHaveBeenCalledWith(SYNC_ID);
    expect(status()).toBe(en.syncs.status.active);
  });

  it('highlights an errored sync with the catalog’s fix, and offers Resume', async () => {
    syncs.get.mockResolvedValue(
      ok(
        syncView({
          status: 'errored',
          error: { code: 'facebook_custom_audience_terms_not_accepted', message: 'Meta' },
        }),
      ),
    );
    await open();
    const entry = describeError('facebook_custom_audience_terms_not_accepted', {
      adAccountId: '1029384756',
    });
    expect(pageText()).toContain(entry.title);
    expect(pageText()).toContain(entry.steps[0]);
    expect(document.querySelector('.sync-summary--errored')).not.toBeNull();
    expect(button(text.resume)).toBeDefined();
  });

  it('explains a resume the relay refuses, keeping the sync as it was', async () => {
    syncs.get.mockResolvedValue(ok(syncView({ status: 'paused' })));
    syncs.resume.mockResolvedValue(refused(422, 'sync_launch_refused'));
    await open();
    await click(button(text.resume));
    expect(document.activeElement?.textContent).toContain(
      describeError('sync_launch_refused').title,
    );
    expect(status()).toBe(en.syncs.status.paused);
  });

  it('deletes only once confirmed', async () => {
    const { onBack } = await open();
    await click(button(text.delete));
    expect(syncs.remove).not.toHaveBeenCalled();
    await click(button(text.deleteConfirm));
    expect(syncs.remove).toHaveBeenCalledExactlyOnceWith(SYNC_ID);
    expect(pageText()).toContain(text.deleted);
    await click(button(text.back));
    expect(onBack).toHaveBeenCalled();
  });

  it('shows no chart nor ingest URL for a draft, only its settings', async () => {
    syncs.get.mockResolvedValue(ok(draftSync()));
    await open();
    expect(document.querySelector('svg[role="img"]')).toBeNull();
    expect(document.getElementById('ingest-url')).toBeNull();
    expect(button(en.syncs.editor.launch)).toBeDefined();
  });

  it('explains a sync that cannot be loaded', async () => {
    syncs.get.mockResolvedValue(refused(404, 'not_found'));
    await open();
    expect(pageText()).toContain(describeError('not_found').title);
  });
});
