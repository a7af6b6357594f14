import { browser } from 'wxt/browser';
import { readExtraDashboardHosts } from '../segment-page/extra-dashboard-hosts-storage.ts';
import { parseSegmentUrl } from '../segment-page/parse-segment-url.ts';
import { isSameLocation } from '../segment-page/segment.ts';
import { type SelectedSegment, selectedSegmentItem } from './selected-segment-storage.ts';

type Tabs = Pick<typeof browser.tabs, 'query'>;

export interface ActiveTabOptions {
  /** Whether the loopback sandbox dashboard counts (development and test builds). */
  allowSandbox: boolean;
  /** The dashboard hosts an admin enabled. */
  extraHosts?: () => Promise<readonly string[]>;
  tabs?: Tabs;
}

/**
 * The segment chosen in the window's active tab, if that tab still shows it: a segment
 * chosen before the tab navigated elsewhere (even within the dashboard) does not count.
 */
export async function selectedSegmentOfActiveTab({
  allowSandbox,
  extraHosts = readExtraDashboardHosts,
  tabs = browser.tabs,
}: ActiveTabOptions): Promise<SelectedSegment | null> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !tab.url) return null;
  const page = parseSegmentUrl(tab.url, { allowSandbox, extraHosts: await extraHosts() });
  if (!page) return null;
  const selected = await selectedSegmentItem(tab.id).getValue();
  return selected && isSameLocation(selected, page) ? selected : null;
}
