import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FloatingExportButton } from '../../../../extension/segment-page/floating-export-button.tsx';
import { mountExportAction } from '../../../../extension/segment-page/mount-export-action.ts';
import { parseSegmentUrl } from '../../../../extension/segment-page/parse-segment-url.ts';
import type { Segment } from '../../../../extension/segment-page/segment.ts';
import {
  FIXTURE_PATH,
  FIXTURE_SEGMENT,
  renderSegmentPage,
  segmentPageDocument,
} from './segment-page-fixture.ts';

const OTHER = {
  segmentId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
  workspaceId: FIXTURE_SEGMENT.workspaceId,
  name: 'Churn risk',
  apiIdentifier: '11111111-2222-4333-8444-555555555555',
};

/** Records what the floating button shows instead of drawing it. */
function fakeFloatingButton() {
  const floating = {
    segment: null as Segment | null,
    activate: () => {},
    show: vi.fn((segment: Segment, onActivate: () => void) => {
      floating.segment = segment;
      floating.activate = onActivate;
    }),
    hide: vi.fn(() => {
      floating.segment = null;
    }),
  };
  return floating satisfies FloatingExportButton;
}

let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
  history.replaceState(null, '', FIXTURE_PATH);
  renderSegmentPage();
});
afterEach(() => controller.abort());

function mount() {
  const floating = fakeFloatingButton();
  const onExport = vi.fn<(segment: Segment) => void>();
  let navigated = () => {};
  mountExportAction({
    signal: controller.signal,
    locate: (url) => parseSegmentUrl(url, { allowSandbox: true }),
    floatingButton: floating,
    onExport,
    onLocationChange: (listener) => {
      navigated = listener;
    },
  });
  return {
    floating,
    onExport,
    navigate: (path: string) => {
      history.pushState(null, '', path);
      navigated();
    },
  };
}

/** Lets mutation observers and queued microtasks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const menuItem = () =>
  document.querySelector<HTMLButtonElement>('#user-data-menu [data-audience-relay-export] button');

function showSegment({ name, apiIdentifier }: { name: string; apiIdentifier: string }) {
  const heading = document.querySelector('h1');
  const code = document.querySelector('footer code');
  if (!heading || !code) throw new Error('fixture changed');
  heading.textContent = name;
  code.textContent = apiIdentifier;
}

/** The fixture's segment as read on the test window's (sandbox) origin. */
const fixtureSegment: Segment = { ...FIXTURE_SEGMENT, host: location.host };

describe('mountExportAction', () => {
  it('adds the action to the User Data menu and exports the segment on screen', () => {
    const { floating, onExport } = mount();
    expect(menuItem()?.textContent).toBe('Export as Facebook Audience');
    expect(floating.segment).toBeNull();
    menuItem()?.click();
    expect(onExport).toHaveBeenCalledExactlyOnceWith(fixtureSegment);
  });

  it('closes the menu once the export is chosen, as the menu’s own items do', () => {
    const trigger = document.querySelector<HTMLElement>('[aria-controls="user-data-menu"]');
    const menu = document.getElementById('user-data-menu');
    trigger?.addEventListener('click', () => {
      if (!menu) return;
      menu.hidden = !menu.hidden;
      trigger.setAttribute('aria-expanded', String(!menu.hidden));
    });
    const { onExport } = mount();
    trigger?.click();
    menuItem()?.click();
    expect(onExport).toHaveBeenCalledOnce();
    expect(menu?.hidden).toBe(true);
    expect(document.activeElement).toBe(trigger);
  });

  it('falls back to the floating button on a page without the menu', () => {
    document.querySelector('.dropdown')?.remove();
    const { floating, onExport } = mount();
    expect(floating.segment).toMatchObject({ name: FIXTURE_SEGMENT.name, host: location.host });
    floating.activate();
    expect(onExport).toHaveBeenCalledExactlyOnceWith(fixtureSegment);
  });

  it('waits for a client-side rendered page, then follows what renders', async () => {
    const app = document.getElementById('app');
    const rendered = [...(app?.children ?? [])];
    app?.replaceChildren();
    const { floating, onExport } = mount();
    expect(floating.show).not.toHaveBeenCalled();
    expect(menuItem()).toBeNull();

    const [nav, main, footer] = rendered;
    if (!nav || !main || !footer) throw new Error('fixture changed');
    app?.append(nav, main);
    await settle();
    expect(menuItem()).not.toBeNull();
    expect(floating.segment).toBeNull();

    menuItem()?.click();
    expect(onExport).toHaveBeenLastCalledWith({ ...fixtureSegment, apiIdentifier: undefined });
    expect(onExport.mock.lastCall?.[0]).not.toHaveProperty('apiIdentifier');

    app?.append(footer);
    await settle();
    menuItem()?.click();
    expect(onExport).toHaveBeenLastCalledWith(fixtureSegment);
  });

  it('follows navigation to another segment without a reload', async () => {
    const { onExport, navigate } = mount();
    const item = menuItem();
    navigate(`/engagement/segmenter/edit/${OTHER.segmentId}/${OTHER.workspaceId}?locale=en`);
    showSegment(OTHER);
    await settle();
    expect(menuItem()).toBe(item);
    expect(item?.title).toContain('“Churn risk”');
    item?.click();
    expect(onExport).toHaveBeenCalledExactlyOnceWith({ ...OTHER, host: location.host });
  });

  it('updates even when the dashboard renders before it pushes the URL', async () => {
    const { onExport, navigate } = mount();
    showSegment(OTHER);
    await settle();
    navigate(`/engagement/segmenter/edit/${OTHER.segmentId}/${OTHER.workspaceId}`);
    await settle();
    menuItem()?.click();
    expect(onExport).toHaveBeenCalledExactlyOnceWith({ ...OTHER, host: location.host });
  });

  it('takes the action away on pages that are not segment pages', async () => {
    document.querySelector('.dropdown')?.remove();
    const { floating, navigate } = mount();
    expect(floating.segment).not.toBeNull();
    navigate(`/engagement/segmenter/segmenter/${FIXTURE_SEGMENT.workspaceId}`);
    await settle();
    expect(floating.segment).toBeNull();
  });

  it('removes the menu item when leaving the segment page', async () => {
    const { navigate } = mount();
    navigate('/dashboard/home');
    await settle();
    expect(document.querySelector('[data-audience-relay-export]')).toBeNull();
  });

  it('follows a dashboard that re-renders its whole app', async () => {
    const { onExport } = mount();
    const fresh = segmentPageDocument().getElementById('app');
    if (!fresh) throw new Error('fixture changed');
    document.getElementById('app')?.replaceWith(document.importNode(fresh, true));
    await settle();
    expect(document.querySelectorAll('[data-audience-relay-export]')).toHaveLength(1);
    menuItem()?.click();
    expect(onExport).toHaveBeenCalledExactlyOnceWith(fixtureSegment);
  });

  it('puts the item back when the dashboard re-renders its menu', async () => {
    mount();
    const menu = document.getElementById('user-data-menu');
    const fresh = menu?.cloneNode(true) as HTMLElement;
    fresh.querySelector('[data-audience-relay-export]')?.remove();
    menu?.replaceWith(fresh);
    await settle();
    expect(fresh.querySelectorAll('[data-audience-relay-export]')).toHaveLength(1);
    expect(document.querySelectorAll('[data-audience-relay-export]')).toHaveLength(1);
  });

  it('moves to the floating button when the menu goes away, and back', async () => {
    const { floating } = mount();
    const dropdown = document.querySelector('.dropdown');
    const parent = dropdown?.parentElement;
    dropdown?.remove();
    await settle();
    expect(floating.segment).not.toBeNull();
    if (dropdown) parent?.append(dropdown);
    await settle();
    expect(floating.segment).toBeNull();
    expect(menuItem()).not.toBeNull();
  });

  it('renders a hostile segment name as text', async () => {
    mount();
    const hostile = '<img src=x onerror="window.__xss=1">';
    showSegment({ name: hostile, apiIdentifier: FIXTURE_SEGMENT.apiIdentifier });
    await settle();
    expect(menuItem()?.title).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('cleans up and stops watching when aborted', async () => {
    document.querySelector('.dropdown')?.remove();
    const { floating, navigate } = mount();
    expect(floating.segment).not.toBeNull();
    controller.abort();
    expect(floating.segment).toBeNull();
    floating.show.mockClear();
    showSegment(OTHER);
    navigate(`/engagement/segmenter/edit/${OTHER.segmentId}/${OTHER.workspaceId}`);
    await settle();
    expect(floating.show).not.toHaveBeenCalled();
  });

  it('removes its menu item when aborted', () => {
    mount();
    controller.abort();
    expect(document.querySelector('[data-audience-relay-export]')).toBeNull();
  });

  it('does nothing with an already aborted signal', () => {
    controller.abort();
    const { floating } = mount();
    expect(menuItem()).toBeNull();
    expect(floating.show).not.toHaveBeenCalled();
  });
});
