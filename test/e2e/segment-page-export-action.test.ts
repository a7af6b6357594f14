import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { Segment } from '../../sandbox/braze/segments/segment.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { type BrazeSandbox, startBrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { readExtensionStorage } from './support/extension-storage.ts';
import {
  cssPosition,
  floatingExportButton,
  removeUserDataMenu,
} from './support/floating-button.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';

const SCREENSHOTS = 'segment-page-export-action';
/** A bound for CI's busy 2 cores, not a speed requirement. */
const POLL = { timeout: 10_000 };
const resources = closeAfterAll();
let sandbox: BrazeSandbox;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  sandbox = resources.add(await startBrazeSandbox());
  browser = resources.add(await launchExtension());
  page = await browser.context.newPage();
});
screenshotFailures(SCREENSHOTS, () => page);

const exportItem = () => page.getByRole('menuitem', { name: 'Export as Facebook Audience' });
const userDataButton = () => page.getByRole('button', { name: 'User Data' });

/** Waits until the sandbox has rendered the whole page, the late API identifier included. */
async function waitForSegmentPage(segment: Segment) {
  await page.getByRole('heading', { level: 1, name: segment.name, exact: true }).waitFor();
  await page.getByText(segment.apiId, { exact: true }).waitFor();
}

/** The segments the extension stored, by tab, read through its service worker. */
async function selectedSegments() {
  const session = await readExtensionStorage(browser.serviceWorker, 'session');
  return Object.entries(session).filter(([key]) => key.startsWith('selectedSegment:'));
}

/** What the background must have stored for this sandbox segment, once chosen. */
function stored(segment: Segment) {
  return {
    host: new URL(sandbox.url).host,
    segmentId: segment.internalId,
    workspaceId: sandbox.workspaceId,
    name: segment.name,
    apiIdentifier: segment.apiId,
    selectedAt: expect.any(String),
  };
}

async function lastSelected() {
  const entries = await selectedSegments();
  return entries.length === 1 ? entries[0]?.[1] : entries;
}

describe('Export as Facebook Audience on the sandbox Braze dashboard', () => {
  it('sits in the User Data menu, follows SPA navigation and stores the chosen segment', async () => {
    const first = DEMO_SEGMENT.vip;
    const next = DEMO_SEGMENT.newsletter;
    await page.goto(sandbox.segmentPageUrl(first));
    await waitForSegmentPage(first);
    await userDataButton().click();
    await exportItem().waitFor({ state: 'visible' });
    expect(await exportItem().getAttribute('title')).toContain(`“${first.name}”`);
    await saveScreenshot(page, `${SCREENSHOTS}/user-data-menu`);

    // A reload would drop this mark from the page's window.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'Next segment' }).click();
    await waitForSegmentPage(next);
    expect(page.url()).toContain(`/engagement/segmenter/edit/${next.internalId}/`);
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true);

    await userDataButton().click();
    expect(await exportItem().getAttribute('title')).toContain(`“${next.name}”`);
    // From the keyboard: the item follows the menu's own items in the focus order.
    await page.getByRole('menuitem', { name: 'CSV Export Email Addresses' }).focus();
    await page.keyboard.press('Tab');
    expect(await exportItem().evaluate((item) => item === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(lastSelected, POLL).toEqual(stored(next));
    expect(await page.getByRole('menu', { includeHidden: true }).isHidden()).toBe(true);
    expect(await userDataButton().evaluate((button) => button === document.activeElement)).toBe(
      true,
    );
    await saveScreenshot(page, `${SCREENSHOTS}/after-export`);
  });

  it('shows a hostile segment name as text and never runs it', async () => {
    const hostile = DEMO_SEGMENT.hostile;
    await page.goto(sandbox.segmentPageUrl(hostile));
    await waitForSegmentPage(hostile);
    await userDataButton().click();
    expect(await exportItem().getAttribute('title')).toContain(hostile.name);
    expect(await page.locator('img').count()).toBe(0);
    await saveScreenshot(page, `${SCREENSHOTS}/hostile-name`);

    await exportItem().click();
    await expect.poll(lastSelected, POLL).toEqual(stored(hostile));
    expect(await page.evaluate(() => '__xss' in window)).toBe(false);
  });

  it('falls back to a floating button when the page has no User Data menu', async () => {
    const segment = DEMO_SEGMENT.lapsed;
    await page.goto(sandbox.segmentPageUrl(segment));
    await waitForSegmentPage(segment);
    await removeUserDataMenu(page);
    const floating = floatingExportButton(page);
    await floating.waitFor({ state: 'visible' });
    expect(await cssPosition(floating)).toBe('fixed');
    await saveScreenshot(page, `${SCREENSHOTS}/floating-button`);

    await floating.click();
    await expect.poll(lastSelected, POLL).toEqual(stored(segment));
  });
});
