import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../../extension/entrypoints/background.ts';
import { selectedSegmentItem } from '../../../../extension/segment-selection/selected-segment-storage.ts';

const segment = {
  host: 'dashboard-01.braze.com',
  segmentId: '64b7f1c2a9e3d4f5a6b7c8d9',
  workspaceId: '5f1e3c9a2b4d6e8f0a1b2c3d',
  name: '<img src=x onerror="window.__xss=1">',
};
const url = `https://dashboard-01.braze.com/engagement/segmenter/edit/${segment.segmentId}/${segment.workspaceId}`;

beforeEach(() => {
  fakeBrowser.reset();
  background.main();
});

function send(message: unknown) {
  return new Promise((resolve) => {
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 3, url } as Browser.tabs.Tab, url };
    void fakeBrowser.runtime.onMessage.trigger(message, sender, resolve);
  });
}

describe('background', () => {
  it('remembers the segment a dashboard tab selected', async () => {
    expect(await send({ type: 'segment:selected', segment })).toEqual({ ok: true });
    expect(await selectedSegmentItem(3).getValue()).toMatchObject(segment);
  });

  it('refuses an invalid selection and stores nothing', async () => {
    const reply = await send({
      type: 'segment:selected',
      segment: { ...segment, segmentId: '../x' },
    });
    expect(reply).toMatchObject({ ok: false });
    expect(await selectedSegmentItem(3).getValue()).toBeNull();
  });
});
