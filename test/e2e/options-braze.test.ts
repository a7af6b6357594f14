import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REST_API_KEY, DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../sandbox/graph/start.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { type BrazeSandbox, startBrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';
import { connectFacebook, type RelayApi, relayApi } from './support/relay-api.ts';

const SCREENSHOTS = 'options-braze';
const SEGMENT = DEMO_SEGMENT.vip;
/** A bound for CI's busy 2 cores, not a speed requirement. */
const EXPORT_DONE = { timeout: 60_000 };
const resources = closeAfterAll();
let graph: GraphServer;
let sandbox: BrazeSandbox;
let relay: E2eRelay;
let api: RelayApi;
let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  graph = resources.add(await startGraphEmulator());
  sandbox = resources.add(await startBrazeSandbox({ exportDelayMs: 0 }));
  relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    }),
  );
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  api = await relayApi(relay.url, adminKey.apiKey);
  // Facebook as other tests connect it; Braze is what this file does through the page.
  await connectFacebook(api, { adAccountIds: [DEMO_AD_ACCOUNT_ID] });
  browser = resources.add(await launchExtension());
  options = await openConnectedOptions(browser, relay, adminKey.apiKey);
}, 60_000);
screenshotFailures(SCREENSHOTS, () => options);

const section = () => options.locator('section[aria-labelledby="braze-heading"]');

async function save(endpoint: string, apiKey: string) {
  await section().getByLabel('REST endpoint or dashboard address').fill(endpoint);
  await section().getByLabel('REST API key').fill(apiKey);
  await section().getByRole('button', { name: 'Check and save' }).click();
}

describe('the Braze source on the options page', () => {
  it('refuses a key Braze rejects, with the catalog’s explanation', async () => {
    await section().getByText('Braze is not connected').waitFor();
    await save(sandbox.restUrl, 'not-the-braze-key-0000');
    const alert = section().getByRole('alert');
    await alert.getByText('Braze rejected the REST API key').waitFor();
    expect(await alert.textContent()).toContain('Settings > APIs and Identifiers > API Keys');
    await saveScreenshot(options, `${SCREENSHOTS}/key-rejected`);
    expect((await api.call<{ configured: boolean }>('/v1/sources/braze')).configured).toBe(false);
  });

  it('saves the right key, then shows only its hint', async () => {
    await save(sandbox.restUrl, DEMO_REST_API_KEY);
    await section()
      .getByRole('status')
      .getByText(/Braze is connected/)
      .waitFor();
    const text = (await section().textContent()) ?? '';
    expect(text).toContain(sandbox.restUrl);
    expect(text).toContain(`Saved, ends with ••••${DEMO_REST_API_KEY.slice(-4)}`);
    expect(text).not.toContain(DEMO_REST_API_KEY);
    expect(await section().locator('input').count()).toBe(0);
    await saveScreenshot(options, `${SCREENSHOTS}/saved`);
    expect(await api.call('/v1/sources/braze')).toMatchObject({
      configured: true,
      restEndpoint: sandbox.restUrl,
    });
  });

  it('exports a segment from the popup with that source', async () => {
    const page = await browser.context.newPage();
    await page.goto(sandbox.segmentPageUrl(SEGMENT));
    await page.getByText(SEGMENT.apiId, { exact: true }).waitFor();
    await page.getByRole('button', { name: 'User Data' }).click();
    await page.getByRole('menuitem', { name: 'Export as Facebook Audience' }).click();
    await page.bringToFront();
    const popup = await browser.openPopup();
    const form = popup.getByRole('form', { name: 'Export to Facebook' });
    await form.getByRole('checkbox', { name: 'Email', exact: true }).check();
    await form.getByRole('button', { name: 'Export Segment' }).click();
    await popup.getByRole('region', { name: 'Finished' }).waitFor(EXPORT_DONE);
    const { exports } = await api.call<{ exports: ExportJobView[] }>('/v1/exports');
    expect(exports.map((job) => [job.status, job.report?.users.read])).toEqual([
      ['done', SEGMENT.size],
    ]);
    await popup.close();
    await page.close();
  });

  it('removes the source once confirmed', async () => {
    await section().getByRole('button', { name: 'Remove Braze' }).click();
    await section().getByText('Remove Braze?').waitFor();
    await saveScreenshot(options, `${SCREENSHOTS}/remove-confirm`);
    await section().getByRole('button', { name: 'Remove', exact: true }).click();
    await section().getByText('Braze was removed: the relay deleted its key.').waitFor();
    expect(await api.call('/v1/sources/braze')).toEqual({ configured: false });
  });
});
