import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launch-extension.ts';

/**
 * Opens the options page in a new tab and connects it to the relay with this key, as an
 * admin does first; resolves once the relay section says it is connected.
 */
export async function openConnectedOptions(
  browser: ExtensionBrowser,
  relay: { url: string },
  apiKey: string,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel('Relay address').fill(relay.url);
  await page.getByLabel('Workspace key').fill(apiKey);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('heading', { name: /^Connected to / }).waitFor();
  return page;
}
