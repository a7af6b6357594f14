import type { Page } from 'playwright-core';
import type { Segment } from '../../../sandbox/braze/segments/segment.ts';
import type { BrazeSandbox } from './braze-sandbox.ts';
import type { ExtensionBrowser } from './launch-extension.ts';

/**
 * Opens the segment's sandbox page in `page`, chooses Export as Facebook Audience in its User
 * Data menu, then opens the popup over it, as a marketer does.
 */
export async function popupForSegment(
  browser: ExtensionBrowser,
  page: Page,
  sandbox: BrazeSandbox,
  segment: Segment,
): Promise<Page> {
  await page.goto(sandbox.segmentPageUrl(segment));
  await page.getByText(segment.apiId, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'User Data' }).click();
  await page.getByRole('menuitem', { name: 'Export as Facebook Audience' }).click();
  await page.bringToFront();
  return browser.openPopup();
}
