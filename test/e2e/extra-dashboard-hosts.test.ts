import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { type BrazeSandbox, startBrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import {
  cssPosition,
  floatingExportButton,
  removeUserDataMenu,
} from './support/floating-button.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';

const SCREENSHOTS = 'extra-dashboard-hosts';
/** A custom dashboard domain: Chromium resolves it to the loopback sandbox. */
const CUSTOM_HOST = 'braze.acme.test';
const resources = closeAfterAll();
let sandbox: BrazeSandbox;
let relay: E2eRelay;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  sandbox = resources.add(await startBrazeSandbox());
  relay = resources.add(await startE2eRelay());
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  browser = resources.add(
    await launchExtension({ args: [`--host-resolver-rules=MAP ${CUSTOM_HOST} 127.0.0.1`] }),
  );
  await allowSiteAccess(`http://${CUSTOM_HOST}/*`);
  options = await openConnectedOptions(browser, relay, adminKey.apiKey);
});
screenshotFailures(SCREENSHOTS, () => options);

/**
 * Headless Chromium cannot show the permission prompt, so the test first grants the host
 * the way a person can on chrome://extensions (Site access → On specific sites); the
 * options page's own request then finds it granted.
 */
async function allowSiteAccess(pattern: string) {
  const extensions = await browser.context.newPage();
  await extensions.goto(`chrome://extensions/?id=${browser.extensionId}`);
  await extensions.evaluate(
    ([id, host]) =>
      (
        globalThis as unknown as {
          chrome: {
            developerPrivate: { addHostPermission(id: string, host: string): Promise<void> };
          };
        }
      ).chrome.developerPrivate.addHostPermission(id as string, host as string),
    [browser.extensionId, pattern],
  );
  await extensions.close();
}

/** The sandbox segment page, as served under the custom domain. */
function customSegmentUrl(): string {
  const url = new URL(sandbox.segmentPageUrl(DEMO_SEGMENT.vip));
  url.hostname = CUSTOM_HOST;
  return url.toString();
}

const exportItem = (page: Page) =>
  page.getByRole('menuitem', { name: 'Export as Facebook Audience' });

async function registeredScripts() {
  return browser.serviceWorker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> } };
      }
    ).chrome.scripting.getRegisteredContentScripts(),
  );
}

async function hasHostPermission(pattern: string) {
  return browser.serviceWorker.evaluate(
    (origin) =>
      (
        globalThis as unknown as {
          chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } };
        }
      ).chrome.permissions.contains({ origins: [origin] }),
    pattern,
  );
}

describe('extra dashboard hosts', () => {
  it('adds a custom dashboard domain, where the export action then appears', async () => {
    const section = options.locator('section[aria-labelledby="dashboards-heading"]');
    await section.getByLabel('Dashboard address').fill(`http://${CUSTOM_HOST}/engagement`);
    await section.getByRole('button', { name: 'Add dashboard' }).click();
    await section
      .getByText(`Export as Facebook Audience now appears on http://${CUSTOM_HOST}.`)
      .waitFor();
    expect(await registeredScripts()).toEqual([
      expect.objectContaining({ matches: [`http://${CUSTOM_HOST}/*`] }),
    ]);
    expect(await hasHostPermission(`http://${CUSTOM_HOST}/*`)).toBe(true);
    await saveScreenshot(options, `${SCREENSHOTS}/added`);

    const dashboard = await browser.context.newPage();
    await dashboard.goto(customSegmentUrl());
    await dashboard.getByRole('heading', { level: 1, name: DEMO_SEGMENT.vip.name }).waitFor();
    await dashboard.getByRole('button', { name: 'User Data' }).click();
    await exportItem(dashboard).waitFor({ state: 'visible' });
    await saveScreenshot(dashboard, `${SCREENSHOTS}/custom-domain-menu`);

    // The floating button is styled here too, with no stylesheet web-accessible to this host.
    await removeUserDataMenu(dashboard);
    const floating = floatingExportButton(dashboard);
    await floating.waitFor({ state: 'visible' });
    expect(await cssPosition(floating)).toBe('fixed');
    await saveScreenshot(dashboard, `${SCREENSHOTS}/custom-domain-floating-button`);
    await dashboard.close();
  });

  it('removes it: no registration, no permission, no action', async () => {
    const section = options.locator('section[aria-labelledby="dashboards-heading"]');
    await section.getByRole('button', { name: `Remove http://${CUSTOM_HOST}` }).click();
    await section.getByText('No other dashboards added.').waitFor();
    expect(await registeredScripts()).toEqual([]);
    await expect.poll(() => hasHostPermission(`http://${CUSTOM_HOST}/*`)).toBe(false);

    const dashboard = await browser.context.newPage();
    await dashboard.goto(customSegmentUrl());
    await dashboard.getByRole('heading', { level: 1, name: DEMO_SEGMENT.vip.name }).waitFor();
    await dashboard.getByRole('button', { name: 'User Data' }).click();
    await dashboard.getByRole('menuitem', { name: 'CSV Export Email Addresses' }).waitFor();
    expect(await exportItem(dashboard).count()).toBe(0);
    await dashboard.close();
  });
});
