import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSender } from '../../../../extension/messaging/listen-for-runtime-messages.ts';
import { rememberSelectedSegment } from '../../../../extension/segment-selection/remember-selected-segment.ts';
import { selectedSegmentItem } from '../../../../extension/segment-selection/selected-segment-storage.ts';
import { FIXTURE_SEGMENT, FIXTURE_URL } from '../segment-page/segment-page-fixture.ts';

const segment = FIXTURE_SEGMENT;
const pageUrl = FIXTURE_URL;
const now = () => new Date('2026-11-22T10:00:00Z');

type Tab = NonNullable<MessageSender['tab']>;

/** A message from the content script of tab 7, which shows `tabUrl` now. */
function sender(tabUrl: string | undefined = pageUrl, tab: Partial<Tab> = {}): MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 7, url: tabUrl, ...tab } as Tab,
    // Chrome keeps this at the document's first URL, whatever pushState did since.
    url: pageUrl,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('rememberSelectedSegment', () => {
  const remember = rememberSelectedSegment({ allowSandbox: false, now });

  it('stores the segment as the sending tab’s current one', async () => {
    await remember({ type: 'segment:selected', segment }, sender());
    expect(await selectedSegmentItem(7).getValue()).toEqual({
      ...segment,
      selectedAt: '2026-11-22T10:00:00.000Z',
    });
    expect(await selectedSegmentItem(8).getValue()).toBeNull();
    expect(await fakeBrowser.storage.session.get('selectedSegment:7')).not.toEqual({});
  });

  it('follows the tab to a segment it navigated to without a reload', async () => {
    await remember({ type: 'segment:selected', segment }, sender());
    const other = { ...segment, segmentId: 'a'.repeat(24), name: 'Churn risk' };
    delete (other as { apiIdentifier?: string }).apiIdentifier;
    await remember(
      { type: 'segment:selected', segment: other },
      sender(pageUrl.replace(segment.segmentId, other.segmentId)),
    );
    expect(await selectedSegmentItem(7).getValue()).toEqual({
      ...other,
      selectedAt: now().toISOString(),
    });
  });

  it.each([
    ['comes from no tab', { ...sender(), tab: undefined }],
    ['comes from a tab without an id', sender(pageUrl, { id: -1 })],
  ])('refuses a segment that %s', async (_, from) => {
    await expect(remember({ type: 'segment:selected', segment }, from)).rejects.toThrow(
      'Only a dashboard tab can select a segment.',
    );
  });

  it.each([
    ['another segment', pageUrl.replace(segment.segmentId, 'b'.repeat(24))],
    ['another workspace', pageUrl.replace(segment.workspaceId, 'c'.repeat(24))],
    ['another dashboard', pageUrl.replace('dashboard-01', 'dashboard-02')],
    ['a page that is not a segment', 'https://dashboard-01.braze.com/dashboard/home'],
    [
      'a site that is not a dashboard',
      `https://evil.example/engagement/segmenter/edit/${segment.segmentId}/${segment.workspaceId}`,
    ],
  ])('refuses a segment sent from %s', async (_, tabUrl) => {
    await expect(remember({ type: 'segment:selected', segment }, sender(tabUrl))).rejects.toThrow(
      'The segment does not match the page that sent it.',
    );
    expect(await selectedSegmentItem(7).getValue()).toBeNull();
  });

  it('refuses a segment from a tab whose URL it may not see', async () => {
    const from = sender(pageUrl, { url: undefined });
    await expect(remember({ type: 'segment:selected', segment }, from)).rejects.toThrow(
      'The segment does not match the page that sent it.',
    );
  });

  it('takes the loopback sandbox only when allowed', async () => {
    const sandbox = { ...segment, host: '127.0.0.1:4173' };
    const message = { type: 'segment:selected' as const, segment: sandbox };
    const from = sender(
      `http://127.0.0.1:4173/engagement/segmenter/edit/${segment.segmentId}/${segment.workspaceId}`,
    );
    await expect(remember(message, from)).rejects.toThrow('does not match');
    await rememberSelectedSegment({ allowSandbox: true, now })(message, from);
    expect(await selectedSegmentItem(7).getValue()).toMatchObject({ host: '127.0.0.1:4173' });
  });
});
