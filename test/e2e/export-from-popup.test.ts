import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { Segment } from '../../sandbox/braze/segments/segment.ts';
import type { GraphControlClient } from '../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { expectedAudienceRows } from '../support/braze-audience-rows.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import type { BrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { startExportWorld } from './support/export-world.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import type { E2eRelay } from './support/relay.ts';
import type { RelayApi } from './support/relay-api.ts';

const SCREENSHOTS = 'export-from-popup';
const SEGMENT = DEMO_SEGMENT.newsletter;
/** A bound for CI's busy 2 cores, not a speed requirement. */
const EXPORT_DONE = { timeout: 60_000 };
const TERMS_URL = `https://business.facebook.com/ads/manage/customaudiences/tos/?act=${DEMO_NO_TOS_AD_ACCOUNT_ID}`;
const resources = closeAfterAll();
let control: GraphControlClient;
let sandbox: BrazeSandbox;
let relay: E2eRelay;
let api: RelayApi;
let apiKey: string;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page | undefined;

beforeAll(async () => {
  ({ control, sandbox, relay, api, apiKey } = await startExportWorld(resources));
  browser = resources.add(await launchExtension());
  await (await openConnectedOptions(browser, relay, apiKey)).close();
  page = await browser.context.newPage();
}, 60_000);
screenshotFailures(SCREENSHOTS, () => (popup && !popup.isClosed() ? popup : page));
afterEach(async () => {
  if (popup && !popup.isClosed()) await popup.close();
  popup = undefined;
});

/** Clicks the injected action on the segment's page, then opens the popup over it. */
async function popupFor(segment: Segment): Promise<Page> {
  await page.goto(sandbox.segmentPageUrl(segment));
  await page.getByText(segment.apiId, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'User Data' }).click();
  await page.getByRole('menuitem', { name: 'Export as Facebook Audience' }).click();
  await page.bringToFront();
  return browser.openPopup();
}

/** The extension's notifications, read through its service worker. */
const notifications = () =>
  browser.serviceWorker.evaluate(() =>
    (
      globalThis as unknown as {
        chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } };
      }
    ).chrome.notifications.getAll(),
  );

describe('exporting a Braze segment from the popup', () => {
  it('fills one audience per field with exactly the hashed users and says so when done', async () => {
    popup = await popupFor(SEGMENT);
    const form = popup.getByRole('form', { name: 'Export to Facebook' });
    await form.waitFor();
    // The account without Meta's Custom Audience terms comes with its fix.
    await form.getByLabel('Ad account').selectOption(DEMO_NO_TOS_AD_ACCOUNT_ID);
    const accept = form.getByRole('link', { name: 'Accept the terms on Facebook' });
    expect(await accept.getAttribute('href')).toBe(TERMS_URL);
    expect(await form.getByRole('alert').textContent()).toMatch(/terms/i);
    await saveScreenshot(popup, `${SCREENSHOTS}/terms-not-accepted`);
    await form.getByLabel('Ad account').selectOption(DEMO_AD_ACCOUNT_ID);
    expect(await accept.count()).toBe(0);
    await form.getByRole('checkbox', { name: 'Email', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Phone number', exact: true }).check();
    expect(await form.getByLabel(/audience name/i).count()).toBe(2);
    await saveScreenshot(popup, `${SCREENSHOTS}/form`);

    await form.getByRole('button', { name: 'Export Segment' }).click();
    const progress = popup.getByRole('region', { name: 'Finished' });
    await progress.waitFor(EXPORT_DONE);
    await saveScreenshot(popup, `${SCREENSHOTS}/done`);

    const ids = Object.keys(await notifications());
    expect(ids).toHaveLength(1);
    const exportId = ids[0]?.replace(/^export:/, '') ?? '';
    const job = await api.call<ExportJobView>(`/v1/exports/${exportId}`);
    expect(job.status).toBe('done');
    expect(job.report?.users.read).toBe(SEGMENT.size);
    const [email, phone] = job.audiences;
    expect(email?.name).toBe(`${SEGMENT.name} — Email`);
    expect(phone?.name).toBe(`${SEGMENT.name} — Phone number`);
    // Guards against two empty lists comparing equal.
    expect(job.report?.users.eligible).toBeGreaterThan(0);
    const emailRows = await control.audienceRows(email?.facebookAudienceId ?? '');
    expect(emailRows.schemas[0]?.rows.sort()).toEqual(
      expectedAudienceRows(SEGMENT, 'EMAIL', 'email'),
    );
    const phoneRows = await control.audienceRows(phone?.facebookAudienceId ?? '');
    expect(phoneRows.schemas[0]?.rows.sort()).toEqual(
      expectedAudienceRows(SEGMENT, 'PHONE', 'phone'),
    );

    // What a click on the notification opens: the report, in a tab of its own.
    const report = await browser.context.newPage();
    await report.goto(`chrome-extension://${browser.extensionId}/popup.html?export=${exportId}`);
    const finished = report.getByRole('region', { name: 'Finished' });
    await finished.waitFor();
    expect(await finished.textContent()).toContain(SEGMENT.name);
    await saveScreenshot(report, `${SCREENSHOTS}/report-tab`);
    await report.close();
  });

  it('without Facebook, says so and leads to the settings', async () => {
    await api.call('/v1/facebook/connection', { method: 'DELETE' });
    // Another segment: this one's popup would show its finished export, not the form.
    popup = await popupFor(DEMO_SEGMENT.vip);
    const prompt = popup.getByRole('region', { name: 'Facebook is not connected' });
    await prompt.waitFor();
    expect(await popup.getByRole('form', { name: 'Export to Facebook' }).count()).toBe(0);
    await saveScreenshot(popup, `${SCREENSHOTS}/facebook-not-connected`);

    const optionsOpened = browser.context.waitForEvent('page', {
      predicate: (opened) => opened.url().endsWith('/options.html'),
    });
    await prompt.getByRole('button', { name: 'Open settings' }).click();
    await (await optionsOpened)
      .getByRole('heading', { name: /Facebook/ })
      .first()
      .waitFor();
  });
});
