import { placeExportMenuItem } from './export-menu-item.ts';
import { findUserDataMenu } from './find-user-data-menu.ts';
import type { FloatingExportButton } from './floating-export-button.tsx';
import { readSegmentPage } from './read-segment-page.ts';
import type { Segment, SegmentLocation } from './segment.ts';

export interface MountExportActionOptions {
  /** Aborting removes the action and stops watching the page. */
  signal: AbortSignal;
  /** The segment a URL points at, or null for any other page. */
  locate: (url: string) => SegmentLocation | null;
  /** Where the action goes when the page has no "User Data" menu. */
  floatingButton: FloatingExportButton;
  /** Called with the segment on screen when the user activates the action. */
  onExport: (segment: Segment) => void;
  /** Subscribes to SPA navigations (WXT's `wxt:locationchange`) for the signal's lifetime. */
  onLocationChange: (listener: () => void) => void;
  document?: Document;
}

/**
 * Keeps an **Export as Facebook Audience** action on segment pages: an item in the "User
 * Data" menu when there is one, otherwise the floating button. The dashboard renders late
 * and navigates without reloading, so the page is re-read whenever its DOM or URL changes.
 */
export function mountExportAction({
  signal,
  locate,
  floatingButton,
  onExport,
  onLocationChange,
  document = globalThis.document,
}: MountExportActionOptions): void {
  if (signal.aborted) return;
  let segment: Segment | null = null;
  let menuItem: HTMLElement | null = null;
  const activate = () => {
    if (segment) onExport(segment);
  };

  const update = () => {
    if (signal.aborted) return;
    const location = locate(document.location.href);
    segment = location && readSegmentPage(location, document);
    const menu = segment && findUserDataMenu(document);
    const item = segment && menu ? placeExportMenuItem(menu, segment, activate) : null;
    if (menuItem !== item) menuItem?.remove();
    menuItem = item;
    if (segment && !menu) floatingButton.show(segment, activate);
    else floatingButton.hide();
  };

  // Our own insertions come back through the observer; `update` changes nothing the second time.
  const observer = new MutationObserver(update);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  // WXT reports a pushState before the URL changes: read the page once it has.
  onLocationChange(() => queueMicrotask(update));
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      menuItem?.remove();
      floatingButton.hide();
    },
    { once: true },
  );
  update();
}
