import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphControlClient,
  type GraphControlClient,
} from '../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../sandbox/graph/start.ts';
import { describeError } from '../../shared/error-catalog.ts';
import type { SyncView } from '../../shared/relay-api/syncs.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';
import { connectFacebook, type RelayApi, relayApi } from './support/relay-api.ts';

const SCREENSHOTS = 'syncs-page';
const USERS = 40;
/** Bounds for CI's busy 2 cores (delivery every second, the page refreshing every 5 s). */
const DELIVERED = { timeout: 45_000 };
const resources = closeAfterAll();
let graph: GraphServer;
let relay: E2eRelay;
let api: RelayApi;
let browser: ExtensionBrowser;
let page: Page;
let control: GraphControlClient;
/** The launched sync, as the first test leaves it for the next. */
let feed = { syncId: '', ingestUrl: '', secret: '', audienceId: '' };

beforeAll(async () => {
  graph = resources.add(await startGraphEmulator());
  control = createGraphControlClient(graph.url);
  relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
      RELAY_SYNC_FLUSH_INTERVAL_MS: '1000',
    }),
  );
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  api = await relayApi(relay.url, adminKey.apiKey);
  await connectFacebook(api, { adAccountIds: [DEMO_AD_ACCOUNT_ID] });
  browser = resources.add(await launchExtension());
  page = await openConnectedOptions(browser, relay, adminKey.apiKey);
}, 60_000);
screenshotFailures(SCREENSHOTS, () => page);

const users = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    external_id: `user-${from + index}`,
    email: `shopper${from + index}@example.com`,
  }));

/** POSTs users to an ingest URL the way a Canvas webhook does. */
const ingest = (url: string, secret: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const count = (name: string) =>
  page
    .locator('.sync-summary .sync-counts__item')
    .filter({ has: page.getByText(name, { exact: true }) })
    .locator('dd');

describe('the Syncs page', () => {
  it('creates a sync, refuses its launch without fields, launches it, and shows users arriving on Facebook', async () => {
    // From the options page's header, as people find it.
    await page.getByRole('link', { name: 'Syncs' }).click();
    await page.getByRole('heading', { name: 'Syncs', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'New sync' }).click();
    const editor = page.getByRole('form', { name: 'New sync' });
    await editor.getByLabel('Sync name').fill('Cart abandoners');
    await editor.getByLabel('Ad account').selectOption(DEMO_AD_ACCOUNT_ID);
    await editor.getByLabel('New audience’s name').fill('Cart abandoners (live)');
    await editor.getByRole('checkbox', { name: 'Email', exact: true }).uncheck();
    await saveScreenshot(page, `${SCREENSHOTS}/editor`);

    await editor.getByRole('button', { name: 'Launch…' }).click();
    const refusal = editor.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('No fields to match');
    // Beside the field too, and tied to it for screen readers.
    const fields = editor.getByRole('group', { name: 'Fields to match on' });
    expect(await fields.locator('.ar-field-error').textContent()).toContain('No fields to match');
    await saveScreenshot(page, `${SCREENSHOTS}/launch-refused`);

    await editor.getByRole('checkbox', { name: 'Email', exact: true }).check();
    await editor.getByRole('button', { name: 'Launch…' }).click();
    await editor.getByRole('region', { name: 'Launch Cart abandoners?' }).waitFor();
    await editor.getByRole('button', { name: 'Launch sync' }).click();
    await page.locator('.sync-summary').getByText('Active', { exact: true }).waitFor();
    const syncId = new URL(page.url()).searchParams.get('sync') ?? '';
    const sync = await api.call<SyncView>(`/v1/syncs/${syncId}`);
    expect(sync).toMatchObject({ status: 'active', name: 'Cart abandoners', fields: ['EMAIL'] });
    expect(sync.audience?.facebookAudienceId).toMatch(/^\d+$/);

    const ingestUrl = await page
      .getByRole('textbox', { name: 'Address (ingest URL)' })
      .inputValue();
    expect(ingestUrl).toBe(sync.ingestUrl);
    const secretField = page.getByRole('textbox', { name: 'Secret', exact: true });
    await secretField.waitFor();
    expect(await secretField.getAttribute('type')).toBe('password');
    const secret = await secretField.inputValue();
    expect(secret.length).toBeGreaterThan(30);

    const answer = await ingest(ingestUrl, secret, users(0, USERS));
    expect(answer.status).toBe(202);
    expect(await answer.json()).toEqual({ accepted: USERS, notUsable: 0 });
    await expect.poll(() => count('Synced').textContent(), DELIVERED).toBe(String(USERS));
    expect(await count('Entered').textContent()).toBe(String(USERS));
    expect(await count('Pending').textContent()).toBe('0');
    // The chart moved: its summary and table say what the numbers say.
    const chart = page.getByRole('region', { name: 'Activity' });
    await expect
      .poll(() => chart.locator('figcaption').textContent(), DELIVERED)
      .toContain(`Synced ${USERS}`);
    await chart.getByText('Show the numbers as a table').click();
    expect(await chart.locator('tbody tr').count()).toBeGreaterThan(0);
    await saveScreenshot(page, `${SCREENSHOTS}/chart`);

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('.sync-summary').getByText('Paused', { exact: true }).waitFor();
    expect((await ingest(ingestUrl, secret, users(USERS, 1))).status).toBe(409);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.locator('.sync-summary').getByText('Active', { exact: true }).waitFor();
    expect((await ingest(ingestUrl, secret, users(USERS, 5))).status).toBe(202);
    await expect.poll(() => count('Synced').textContent(), DELIVERED).toBe(String(USERS + 5));

    await page.getByRole('button', { name: 'All syncs' }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Cart abandoners' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    await saveScreenshot(page, `${SCREENSHOTS}/list`);
    feed = { syncId, ingestUrl, secret, audienceId: sync.audience?.facebookAudienceId ?? '' };
  });

  it('highlights a sync Facebook stopped, with the fix, in the list and on its page', async () => {
    // Someone deletes the audience in Ads Manager: the next delivery stops the sync.
    await control.deleteAudience(feed.audienceId);
    expect((await ingest(feed.ingestUrl, feed.secret, users(100, 3))).status).toBe(202);
    const row = page.getByRole('listitem').filter({ hasText: 'Cart abandoners' });
    await row.getByText('Stopped on an error').waitFor(DELIVERED);
    expect(await row.textContent()).toContain(describeError('facebook_audience_not_found').title);
    await saveScreenshot(page, `${SCREENSHOTS}/list-errored`);
    await row.getByRole('link', { name: 'Cart abandoners' }).click();
    await page.locator('.sync-summary').getByRole('button', { name: 'Resume' }).waitFor();
    expect(await count('Pending').textContent()).toBe('3');
    await saveScreenshot(page, `${SCREENSHOTS}/errored`);
  });
});
