import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSender } from '../../../../extension/messaging/listen-for-runtime-messages.ts';
import { rememberSelectedSegment } from '../../../../extension/segment-selection/remember-selected-segment.ts';
import { selectedSegmentItem } from '../../../../extension/segment-selection/selected-segment-storage.ts';

const segment = {
  host: 'dashboard-01.braze.com',
  segmentId: '64b7f1c2a9e3d4f5a6b7c8d9',
  workspaceId: '5f1e3c9a2b4d6e8f0a1b2c3d',
  name: 'Lapsed VIP Buyers',
  apiIdentifier: '7d2c1e0b-4a5f-4c3e-9b8a-1f2e3d4c5b6a',
};
const pageUrl = `https://dashboard-01.braze.com/engagement/segmenter/edit/${segment.segmentId}/${segment.workspaceId}?locale=en`;
const now = () => new Date('2026-11-22T10:00:00Z');

function sender(overrides: Partial<MessageSender> = {}): MessageSender {
  return {
    id: fakeBrowser.runtime.id,
    tab: { id: 7 } as MessageSender['tab'],
    url: pageUrl,
    ...overrides,
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

  it('replaces the tab’s previous segment', async () => {
    await remember({ type: 'segment:selected', segment }, sender());
    const other = { ...segment, segmentId: 'a'.repeat(24), name: 'Churn risk' };
    delete (other as { apiIdentifier?: string }).apiIdentifier;
    await remember(
      { type: 'segment:selected', segment: other },
      sender({ url: pageUrl.replace(segment.segmentId, other.segmentId) }),
    );
    expect(await selectedSegmentItem(7).getValue()).toEqual({
      ...other,
      selectedAt: now().toISOString(),
    });
  });

  it.each([
    ['comes from no tab', sender({ tab: undefined })],
    ['comes from a tab without an id', sender({ tab: { id: -1 } as MessageSender['tab'] })],
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
    ['no URL at all', undefined],
  ])('refuses a segment sent from %s', async (_, url) => {
    await expect(remember({ type: 'segment:selected', segment }, sender({ url }))).rejects.toThrow(
      'The segment does not match the page that sent it.',
    );
    expect(await selectedSegmentItem(7).getValue()).toBeNull();
  });

  it('takes the loopback sandbox only when allowed', async () => {
    const sandbox = { ...segment, host: '127.0.0.1:4173' };
    const message = { type: 'segment:selected' as const, segment: sandbox };
    const from = sender({
      url: `http://127.0.0.1:4173/engagement/segmenter/edit/${segment.segmentId}/${segment.workspaceId}`,
    });
    await expect(remember(message, from)).rejects.toThrow('does not match');
    await rememberSelectedSegment({ allowSandbox: true, now })(message, from);
    expect(await selectedSegmentItem(7).getValue()).toMatchObject({ host: '127.0.0.1:4173' });
  });
});
