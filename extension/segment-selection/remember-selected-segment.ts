import type { MessageSender } from '../messaging/listen-for-runtime-messages.ts';
import type { RuntimeMessageOf } from '../messaging/runtime-messages.ts';
import { readExtraDashboardHosts } from '../segment-page/extra-dashboard-hosts-storage.ts';
import { parseSegmentUrl } from '../segment-page/parse-segment-url.ts';
import { isSameLocation } from '../segment-page/segment.ts';
import { selectedSegmentItem } from './selected-segment-storage.ts';

export interface RememberSelectedSegmentOptions {
  /** Whether the loopback sandbox dashboard counts (development and test builds). */
  allowSandbox: boolean;
  /** The dashboard hosts an admin enabled, read for each message (they change at run time). */
  extraHosts?: () => Promise<readonly string[]>;
  now?: () => Date;
}

/**
 * Handles `segment:selected`: stores the segment as the sending tab's current one. The
 * content script runs inside a hostile page, so the segment must describe the very page
 * the tab shows (host and ids from the tab's URL as the browser reports it).
 */
export function rememberSelectedSegment({
  allowSandbox,
  extraHosts = readExtraDashboardHosts,
  now = () => new Date(),
}: RememberSelectedSegmentOptions) {
  return async ({ segment }: RuntimeMessageOf<'segment:selected'>, sender: MessageSender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) {
      throw new Error('Only a dashboard tab can select a segment.');
    }
    // The tab's URL, not `sender.url`: Chrome keeps the latter at the document's first URL,
    // so it misses the dashboard's pushState navigations.
    const tabUrl = sender.tab?.url;
    const page = tabUrl
      ? parseSegmentUrl(tabUrl, { allowSandbox, extraHosts: await extraHosts() })
      : null;
    if (!page || !isSameLocation(page, segment)) {
      throw new Error('The segment does not match the page that sent it.');
    }
    await selectedSegmentItem(tabId).setValue({ ...segment, selectedAt: now().toISOString() });
  };
}
