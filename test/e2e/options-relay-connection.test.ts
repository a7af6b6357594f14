import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../proxy/http/listen.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { readExtensionStorage } from './support/extension-storage.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';

const SCREENSHOTS = 'options-relay';
const resources = closeAfterAll();
let relay: E2eRelay;
let browser: ExtensionBrowser;
let page: Page;
const keys = { admin: '', marketer: '', revoked: '' };
let revokeAdminKey: () => Promise<unknown>;

beforeAll(async () => {
  relay = resources.add(await startE2eRelay());
  const { workspace, adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  const marketer = await relay.admin.issueKey(workspace.id, { role: 'marketer', label: 'Dana' });
  const revoked = await relay.admin.issueKey(workspace.id, { role: 'admin', label: 'Old laptop' });
  if (!marketer || !revoked) throw new Error('the workspace vanished');
  await relay.admin.revokeKey(workspace.id, revoked.record.id);
  keys.admin = adminKey.apiKey;
  revokeAdminKey = () => relay.admin.revokeKey(workspace.id, adminKey.record.id);
  keys.marketer = marketer.apiKey;
  keys.revoked = revoked.apiKey;
  browser = resources.add(await launchExtension());
  page = await browser.context.newPage();
});
screenshotFailures(SCREENSHOTS, () => page);

const optionsUrl = () => `chrome-extension://${browser.extensionId}/options.html`;
const addressField = () => page.getByLabel('Relay address');
const keyField = () => page.getByLabel('Workspace key');
const alert = () => page.getByRole('alert');

async function connect(url: string, apiKey: string) {
  await addressField().fill(url);
  await keyField().fill(apiKey);
  await page.getByRole('button', { name: 'Connect' }).click();
}

/** What the extension stores about its relay (not WXT's version records, `<key>$`). */
async function relayValues() {
  const stored = {
    ...(await readExtensionStorage(browser.serviceWorker, 'local')),
    ...(await readExtensionStorage(browser.serviceWorker, 'session')),
  };
  return Object.fromEntries(
    Object.entries(stored).filter(([key]) => key.startsWith('relay') && !key.endsWith('$')),
  );
}

/** A loopback port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = await listen({ fetch: () => new Response() });
  await server.close();
  return server.port;
}

describe('the options page’s relay section', () => {
  it('shows an unreachable relay as such, and saves nothing', async () => {
    await page.goto(optionsUrl());
    await addressField().waitFor();
    await saveScreenshot(page, `${SCREENSHOTS}/not-configured`);

    const url = `http://127.0.0.1:${await closedPort()}`;
    await connect(url, keys.admin);
    await expect.poll(() => alert().textContent()).toContain('Can’t reach the relay');
    expect(await alert().textContent()).toContain(`Nothing answered at ${url}`);
    expect(await alert().evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await relayValues()).toEqual({});
    await saveScreenshot(page, `${SCREENSHOTS}/unreachable`);
  });

  it('shows a revoked key as revoked', async () => {
    await connect(relay.url, keys.revoked);
    await expect.poll(() => alert().textContent()).toContain('Workspace key revoked');
    expect(await alert().textContent()).toContain('Ask a workspace admin for a new key.');
    expect(await relayValues()).toEqual({});
    await saveScreenshot(page, `${SCREENSHOTS}/revoked-key`);
  });

  it('connects a marketer key and shows its role, then forgets it', async () => {
    await connect(relay.url, keys.marketer);
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    const details = page.locator('.connected-relay');
    expect(await details.textContent()).toContain('Acme Marketing');
    expect(await details.textContent()).toContain('Marketer');
    await saveScreenshot(page, `${SCREENSHOTS}/connected-marketer`);

    await page.getByRole('button', { name: 'Forget this relay' }).click();
    await page.getByText('The relay and its workspace key were removed').waitFor();
    expect(await addressField().evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await relayValues()).toEqual({});
  });

  it('connects an admin key, keeps it, and checks it again when reopened', async () => {
    await connect(`${relay.url}/`, keys.admin);
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    expect(await page.locator('.connected-relay').textContent()).toContain('Admin');
    await saveScreenshot(page, `${SCREENSHOTS}/connected-admin`);

    const local = await readExtensionStorage(browser.serviceWorker, 'local');
    expect(local.relaySettings).toEqual({ url: relay.url, apiKey: keys.admin });
    expect(local.relayStatus).toMatchObject({
      state: 'connected',
      workspace: { name: 'Acme Marketing' },
      role: 'admin',
    });
    const session = await readExtensionStorage(browser.serviceWorker, 'session');
    expect(session.relaySession).toMatchObject({ relayUrl: relay.url, token: expect.any(String) });
    // The secret stays out of sync storage, which the browser copies to other devices.
    expect(await readExtensionStorage(browser.serviceWorker, 'sync')).toEqual({});

    await page.reload();
    await page.getByRole('heading', { name: 'Connected' }).waitFor();
    expect(await page.locator('.connected-relay').textContent()).toContain('Acme Marketing');
  });

  it('shows a saved key that was revoked since, ready for a new one', async () => {
    await revokeAdminKey();
    await page.reload();
    await page.getByText('The saved relay does not work at the moment').waitFor();
    expect(await alert().textContent()).toContain('Workspace key revoked');
    expect(await addressField().inputValue()).toBe(relay.url);
    await saveScreenshot(page, `${SCREENSHOTS}/saved-key-revoked`);
    const local = await readExtensionStorage(browser.serviceWorker, 'local');
    expect(local.relayStatus).toMatchObject({
      state: 'failed',
      failure: { code: 'api_key_revoked' },
    });
  });
});
