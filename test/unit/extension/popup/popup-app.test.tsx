import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { segmentSource } from '../../../../extension/popup/exports/segment-source.ts';
import { PopupApp } from '../../../../extension/popup/popup-app.tsx';
import type { RelayConnection } from '../../../../extension/relay/relay-status.ts';
import type { SelectedSegment } from '../../../../extension/segment-selection/selected-segment-storage.ts';
import { trackedJob } from '../exports/tracked-export-fixture.ts';
import { FIXTURE_SEGMENT } from '../segment-page/segment-page-fixture.ts';
import { exportJobViewOf } from '../support/export-job-view.ts';
import { fakeBackgroundExports, fakeTrackedExports } from '../support/fake-background-exports.ts';
import {
  connectedStatus,
  failedStatus,
  fakeBackgroundRelay,
  REVOKED,
  relayConnection,
} from '../support/fake-background-relay.ts';
import { button, click, mount, pageText, settle } from '../support/render-page.ts';

const text = en.popup;
const segment: SelectedSegment = { ...FIXTURE_SEGMENT, selectedAt: '2026-11-22T10:00:00.000Z' };

let relay: ReturnType<typeof fakeBackgroundRelay>;
let openOptions: Mock<() => void>;

beforeEach(() => {
  relay = fakeBackgroundRelay();
  openOptions = vi.fn();
});

const mountPopup = (findSegment: () => Promise<SelectedSegment | null> = async () => segment) =>
  mount(
    <PopupApp
      relay={relay}
      findSegment={findSegment}
      openOptions={openOptions}
      {...exportProps()}
    />,
  );

async function open(
  saved: RelayConnection | null,
  findSegment?: () => Promise<SelectedSegment | null>,
) {
  relay.status.mockResolvedValue({ ok: true, value: saved });
  await mountPopup(findSegment);
  await settle();
}

const exportProps = () => ({ exports: fakeBackgroundExports(), tracked: fakeTrackedExports() });

const segmentSection = () => document.querySelector('section[aria-labelledby="segment-heading"]');

describe('the popup', () => {
  it('says it is checking the relay until the background answers', async () => {
    relay.status.mockReturnValue(new Promise(() => {}));
    await mountPopup();
    expect(document.querySelector('[role="status"]')?.textContent).toBe(en.loading);
    expect(segmentSection()).toBeNull();
  });

  it('without a relay, explains what is missing and opens the settings', async () => {
    await open(null);
    expect(document.querySelector('h2')?.textContent).toBe(text.setUpHeading);
    expect(pageText()).toContain(text.setUpText);
    expect(segmentSection()).toBeNull();
    await click(button(text.openSettings));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('shows the relay and the segment chosen in the tab, as text', async () => {
    await open(relayConnection());
    const relayState = document.querySelector('[role="status"]')?.textContent;
    expect(relayState).toContain('Acme Marketing');
    expect(relayState).toContain(text.connectedTo('relay.example.com'));
    expect(pageText()).toContain(en.roles.admin.name);
    const section = segmentSection();
    expect(section?.querySelector('h2')?.textContent).toBe(text.segmentHeading);
    const shown = section?.textContent ?? '';
    for (const value of [
      segment.name,
      segment.segmentId,
      segment.workspaceId,
      segment.apiIdentifier,
      segment.host,
    ]) {
      expect(shown).toContain(value);
    }
  });

  it('renders a hostile segment name as text', async () => {
    const name = '<img src=x onerror="window.__xss=1">';
    await open(relayConnection(), async () => ({ ...segment, name }));
    expect(segmentSection()?.textContent).toContain(name);
    expect(document.querySelector('img')).toBeNull();
  });

  it('leaves out the API identifier when the page did not show one', async () => {
    const { apiIdentifier: _, ...withoutIdentifier } = segment;
    await open(relayConnection(), async () => withoutIdentifier);
    expect(segmentSection()?.textContent).not.toContain(text.apiIdentifier);
  });

  it.each([
    ['no segment was chosen', async () => null],
    ['the segment cannot be read', async () => Promise.reject(new Error('no tabs'))],
  ])('says how to choose a segment when %s', async (_, findSegment) => {
    await open(relayConnection(connectedStatus('marketer')), findSegment);
    expect(pageText()).toContain(text.noSegment);
    expect(segmentSection()).toBeNull();
  });

  it('explains a relay that fails and offers the settings', async () => {
    await open(relayConnection(failedStatus(REVOKED)));
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      'Workspace key revoked',
    );
    await click(button(text.openSettings));
    expect(openOptions).toHaveBeenCalledOnce();
    // The segment is still the tab's: it shows whether or not the relay answers.
    expect(segmentSection()).not.toBeNull();
  });

  it('opens the Syncs page from its header', async () => {
    const openSyncs = vi.fn();
    relay.status.mockResolvedValue({ ok: true, value: relayConnection() });
    await mount(
      <PopupApp
        relay={relay}
        findSegment={async () => segment}
        openOptions={openOptions}
        openSyncs={openSyncs}
        {...exportProps()}
      />,
    );
    await settle();
    await click(button(en.syncs.openSyncs));
    expect(openSyncs).toHaveBeenCalledOnce();
    expect(openOptions).not.toHaveBeenCalled();
  });

  it('offers the settings from its header once a relay is configured', async () => {
    await open(relayConnection());
    await click(button(text.settings));
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('explains a background that does not answer', async () => {
    relay.status.mockResolvedValue({ ok: false, error: 'No listeners available' });
    await mountPopup();
    await settle();
    expect(document.querySelector('[role="alert"]')?.textContent).toContain(
      en.problems.extensionNotAnswering.title,
    );
  });
});

describe('the popup’s history and reports', () => {
  const historySection = () => document.querySelector('section[aria-labelledby="history-heading"]');
  const done = exportJobViewOf({ id: 'exp_9', source: { kind: 'braze', name: 'Spring buyers' } });

  async function openWith(
    options: { findSegment?: () => Promise<SelectedSegment | null>; reportOf?: string } = {},
  ) {
    relay.status.mockResolvedValue({ ok: true, value: relayConnection() });
    const exports = fakeBackgroundExports();
    exports.list.mockResolvedValue({ ok: true, value: { ok: true, value: { exports: [done] } } });
    exports.get.mockResolvedValue({ ok: true, value: { ok: true, value: done } });
    const tracked = fakeTrackedExports({
      exp_1: trackedJob({ phase: 'done', segmentKey: segmentSource(segment).key }),
    });
    await mount(
      <PopupApp
        relay={relay}
        findSegment={options.findSegment ?? (async () => segment)}
        openOptions={openOptions}
        exports={exports}
        tracked={tracked}
        reportOf={options.reportOf ?? null}
      />,
    );
    await settle();
    await settle();
    return exports;
  }

  it('shows the history where the tab has no segment, and opens a report from it', async () => {
    await openWith({ findSegment: async () => null });
    expect(pageText()).toContain(text.noSegment);
    expect(historySection()).not.toBeNull();
    await click(button(/Spring buyers/));
    await settle();
    expect(document.querySelector('#report-heading')?.textContent).toBe(en.exports.phases.done);
    expect(historySection()).toBeNull();

    // Back where it was opened: the tab without a segment, whose history needs no Back.
    await click(button(text.back));
    expect(historySection()).not.toBeNull();
    expect(pageText()).toContain(text.noSegment);
    expect(pageText()).not.toContain(text.back);
  });

  it('keeps the history a step away on a segment page', async () => {
    await openWith();
    expect(historySection()).toBeNull();
    await click(button(text.history));
    expect(historySection()).not.toBeNull();
    expect(segmentSection()).toBeNull();
    await click(button(text.back));
    expect(segmentSection()).not.toBeNull();
  });

  it('opens the full report of the segment’s finished export, and comes back to the segment', async () => {
    const exports = await openWith();
    await click(button(en.exports.openReport));
    await settle();
    expect(exports.get).toHaveBeenCalledWith('exp_1');
    expect(document.querySelector('#report-heading')?.textContent).toBe(en.exports.phases.done);
    await click(button(text.back));
    expect(segmentSection()).not.toBeNull();
  });

  it('opened on an export (a notification’s click), shows its report instead of the tab’s segment', async () => {
    const exports = await openWith({ reportOf: 'exp_9' });
    expect(exports.get).toHaveBeenCalledWith('exp_9');
    expect(document.querySelector('#report-heading')?.textContent).toBe(en.exports.phases.done);
    expect(pageText()).toContain('Spring buyers');
    expect(segmentSection()).toBeNull();
    expect(pageText()).not.toContain(en.exports.newExport);
    await click(button(text.back));
    expect(historySection()).not.toBeNull();
  });
});
