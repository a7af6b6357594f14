import { placeExportMenuItem } from './export-menu-item.ts';
import type { FloatingExportButton } from './floating-export-button.tsx';
import { readSegmentName, readSegmentPage } from './read-segment-page.ts';
import type { Segment, SegmentLocation } from './segment.ts';
import { closeUserDataMenu, findUserDataMenu, type UserDataMenu } from './user-data-menu.ts';

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
  let userDataMenu: UserDataMenu | null = null;
  let menuItem: HTMLElement | null = null;
  // The whole segment (API identifier included) is read only when it is asked for.
  const activate = () => {
    const location = locate(document.location.href);
    const segment = location && readSegmentPage(location, document);
    if (segment) onExport(segment);
  };
  // Like the menu's own items, choosing ours closes the menu.
  const activateFromMenu = () => {
    activate();
    if (userDataMenu) closeUserDataMenu(userDataMenu);
  };

  const update = () => {
    if (signal.aborted) return;
    const location = locate(document.location.href);
    const name = location && readSegmentName(document);
    const segment: Segment | null = location && name ? { ...location, name } : null;
    // Searching for the menu scans the page: keep the one found while it stays on the page.
    const known = userDataMenu?.trigger.isConnected && userDataMenu.menu.isConnected;
    userDataMenu = segment && (known ? userDataMenu : findUserDataMenu(document));
    const item =
      segment && userDataMenu
        ? placeExportMenuItem(userDataMenu.menu, segment, activateFromMenu)
        : null;
    if (menuItem !== item) menuItem?.remove();
    menuItem = item;
    if (segment && !userDataMenu) floatingButton.show(segment, activate);
    else floatingButton.hide();
  };

  // The body, as real Braze markup names no stable app root. Our own insertions come back
  // through the observer; `update` is cheap and changes nothing the second time.
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
