import { storage } from 'wxt/utils/storage';
import type { Segment } from '../segment-page/segment.ts';

/** A segment the user chose to export from a tab, as the popup will read it. */
export interface SelectedSegment extends Segment {
  /** ISO time of the click. */
  selectedAt: string;
}

/**
 * The tab's current segment. `storage.session` outlives the service worker (which Chrome
 * stops when idle) but not the browser session, and content scripts cannot read it.
 */
export function selectedSegmentItem(tabId: number) {
  return storage.defineItem<SelectedSegment>(`session:selectedSegment:${tabId}`);
}
