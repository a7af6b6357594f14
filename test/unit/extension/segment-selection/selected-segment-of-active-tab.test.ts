import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { selectedSegmentOfActiveTab } from '../../../../extension/segment-selection/selected-segment-of-active-tab.ts';
import { selectedSegmentItem } from '../../../../extension/segment-selection/selected-segment-storage.ts';
import { FIXTURE_SEGMENT, FIXTURE_URL } from '../segment-page/segment-page-fixture.ts';

const selected = { ...FIXTURE_SEGMENT, selectedAt: '2026-11-22T10:00:00.000Z' };

beforeEach(() => fakeBrowser.reset());

function activeTab(tab: Partial<Browser.tabs.Tab> | undefined) {
  const query = vi.fn(async () => (tab ? [tab as Browser.tabs.Tab] : []));
  return { query };
}

describe('selectedSegmentOfActiveTab', () => {
  it('is the segment chosen in the active tab of this window', async () => {
    await selectedSegmentItem(4).setValue(selected);
    const tabs = activeTab({ id: 4, url: FIXTURE_URL });
    expect(await selectedSegmentOfActiveTab({ allowSandbox: false, tabs })).toEqual(selected);
    expect(tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('is the active tab’s, not another tab’s', async () => {
    await selectedSegmentItem(5).setValue(selected);
    const tabs = activeTab({ id: 4, url: FIXTURE_URL });
    expect(await selectedSegmentOfActiveTab({ allowSandbox: false, tabs })).toBeNull();
  });

  it.each([
    ['another segment', FIXTURE_URL.replace(FIXTURE_SEGMENT.segmentId, 'a'.repeat(24))],
    ['another workspace', FIXTURE_URL.replace(FIXTURE_SEGMENT.workspaceId, 'b'.repeat(24))],
    ['a page that is not a segment', 'https://dashboard-01.braze.com/dashboard/home'],
    ['another site', 'https://example.com/'],
  ])('is null once the tab shows %s', async (_, url) => {
    await selectedSegmentItem(4).setValue(selected);
    const tabs = activeTab({ id: 4, url });
    expect(await selectedSegmentOfActiveTab({ allowSandbox: false, tabs })).toBeNull();
  });

  it.each([
    ['no active tab', undefined],
    ['a tab whose URL the extension may not read', { id: 4 }],
    ['a tab without an id', { url: FIXTURE_URL }],
  ])('is null for %s', async (_, tab) => {
    await selectedSegmentItem(4).setValue(selected);
    expect(
      await selectedSegmentOfActiveTab({ allowSandbox: false, tabs: activeTab(tab) }),
    ).toBeNull();
  });

  it('counts the loopback sandbox only when allowed', async () => {
    const sandbox = { ...selected, host: '127.0.0.1:4173' };
    await selectedSegmentItem(4).setValue(sandbox);
    const url = `http://127.0.0.1:4173/engagement/segmenter/edit/${sandbox.segmentId}/${sandbox.workspaceId}`;
    const tabs = activeTab({ id: 4, url });
    expect(await selectedSegmentOfActiveTab({ allowSandbox: false, tabs })).toBeNull();
    expect(await selectedSegmentOfActiveTab({ allowSandbox: true, tabs })).toEqual(sandbox);
  });
});
