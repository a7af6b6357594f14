import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { type BrazeSandbox, startBrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';

const SCREENSHOTS = 'popup';
const resources = closeAfterAll();
let sandbox: BrazeSandbox;
let relay: E2eRelay;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page | undefined;

beforeAll(async () => {
  sandbox = resources.add(await startBrazeSandbox());
  relay = resources.add(await startE2eRelay());
  browser = resources.add(await launchExtension());
  page = await browser.context.newPage();
});
screenshotFailures(SCREENSHOTS, () => popup ?? page);
afterEach(async () => {
  if (popup && !popup.isClosed()) await popup.close();
  popup = undefined;
});

async function openPopup(): Promise<Page> {
  await page.bringToFront();
  popup = await browser.openPopup();
  return popup;
}

/** Connects the extension to the relay through its options page, as an admin would. */
async function connectRelay() {
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByLabel('Relay address').fill(relay.url);
  await options.getByLabel('Workspace key').fill(adminKey.apiKey);
  await options.getByRole('button', { name: 'Connect' }).click();
  await options.getByRole('heading', { name: 'Connected' }).waitFor();
  await options.close();
}

describe('the toolbar popup', () => {
  it('without a relay, explains what is missing and opens the settings', async () => {
    await page.goto(sandbox.segmentPageUrl(DEMO_SEGMENT.vip));
    const shown = await openPopup();
    await shown.getByRole('heading', { name: 'Connect to your relay' }).waitFor();
    await saveScreenshot(shown, `${SCREENSHOTS}/no-relay`);

    const optionsOpened = browser.context.waitForEvent('page', {
      predicate: (opened) => opened.url().endsWith('/options.html'),
    });
    await shown.getByRole('button', { name: 'Open settings' }).click();
    const options = await optionsOpened;
    await options.getByLabel('Relay address').waitFor();
    await options.close();
  });

  it('on a segment page, shows the segment chosen there and the relay', async () => {
    await connectRelay();
    const segment = DEMO_SEGMENT.hostile;
    await page.goto(sandbox.segmentPageUrl(segment));
    await page.getByText(segment.apiId, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'User Data' }).click();
    await page.getByRole('menuitem', { name: 'Export as Facebook Audience' }).click();

    const shown = await openPopup();
    const summary = shown.getByRole('region', { name: 'Segment in this tab' });
    await summary.waitFor();
    // The name is page text: shown as text, never as markup.
    expect(await summary.getByText(segment.name, { exact: true }).count()).toBe(1);
    expect(await shown.locator('img').count()).toBe(0);
    const text = await summary.textContent();
    expect(text).toContain(segment.internalId);
    expect(text).toContain(sandbox.workspaceId);
    expect(text).toContain(segment.apiId);
    const relayState = shown.getByRole('status');
    expect(await relayState.textContent()).toContain('Acme Marketing');
    expect(await relayState.textContent()).toContain(`Connected to ${new URL(relay.url).host}`);
    await saveScreenshot(shown, `${SCREENSHOTS}/segment`);
  });

  it('does not show a segment chosen before the tab moved to another one', async () => {
    await page.getByRole('link', { name: 'Next segment' }).click();
    await page.waitForURL((url) => !url.pathname.includes(DEMO_SEGMENT.hostile.internalId));
    const shown = await openPopup();
    await shown.getByText('No segment chosen in this tab.').waitFor();
    expect(await shown.getByRole('region', { name: 'Segment in this tab' }).count()).toBe(0);
  });
});
