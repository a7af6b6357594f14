import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../../extension/entrypoints/background.ts';
import { selectedSegmentItem } from '../../../../extension/segment-selection/selected-segment-storage.ts';
import { FIXTURE_SEGMENT, FIXTURE_URL } from '../segment-page/segment-page-fixture.ts';

const segment = { ...FIXTURE_SEGMENT, name: '<img src=x onerror="window.__xss=1">' };
const url = FIXTURE_URL;
/** The refusal of a page-only message; any other refusal (a malformed message) proves nothing. */
const PAGES_ONLY = { ok: false, error: 'Only the extension’s own pages may send this message.' };

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

function sendFromOptionsPage(message: unknown) {
  return new Promise((resolve) => {
    const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
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

  it('answers the options page about the relay: none configured yet', async () => {
    expect(await sendFromOptionsPage({ type: 'relay:status' })).toEqual({ ok: true, value: null });
    expect(await sendFromOptionsPage({ type: 'relay:forget' })).toEqual({ ok: true });
  });

  it('answers Facebook messages without a relay: none configured', async () => {
    expect(await sendFromOptionsPage({ type: 'facebook:status', refresh: false })).toEqual({
      ok: true,
      value: { ok: false, failure: { kind: 'no-relay' } },
    });
  });

  it('answers the Syncs page without a relay: none configured', async () => {
    expect(await sendFromOptionsPage({ type: 'syncs:list' })).toEqual({
      ok: true,
      value: { ok: false, failure: { kind: 'no-relay' } },
    });
  });

  it('does not let a dashboard tab read or change syncs', async () => {
    expect(await send({ type: 'syncs:list' })).toEqual(PAGES_ONLY);
    expect(await send({ type: 'syncs:rotate-secret', syncId: 'sync_1' })).toEqual(PAGES_ONLY);
  });

  it('hands a relay session to extension pages only', async () => {
    expect(await sendFromOptionsPage({ type: 'relay:access', renew: false })).toEqual({
      ok: true,
      value: null,
    });
    expect(await send({ type: 'relay:access', renew: false })).toEqual(PAGES_ONLY);
  });

  it('does not let a dashboard tab connect Facebook', async () => {
    expect(await send({ type: 'facebook:connect' })).toEqual(PAGES_ONLY);
  });

  it('does not let a dashboard tab change the relay', async () => {
    const apiKey = `ar_live_0123456789abcdef_${'A'.repeat(43)}`;
    const reply = await send({ type: 'relay:configure', url: 'https://evil.example', apiKey });
    expect(reply).toEqual(PAGES_ONLY);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});
