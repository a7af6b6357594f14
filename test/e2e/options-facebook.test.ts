import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphControlClient,
  type GraphControlClient,
} from '../../sandbox/graph/control-client.ts';
import {
  DEMO_NO_TOS_AD_ACCOUNT_ID,
  DEMO_SYSTEM_USER_NAME,
  DEMO_SYSTEM_USER_TOKEN,
  DEMO_USER_ID,
  DEMO_USER_TOKEN,
} from '../../sandbox/graph/demo-world.ts';
import { type GraphServer, startGraphEmulator } from '../../sandbox/graph/start.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import { type E2eRelay, startE2eRelay } from './support/relay.ts';

const SCREENSHOTS = 'options-facebook';
const TERMS_URL = `https://business.facebook.com/ads/manage/customaudiences/tos/?act=${DEMO_NO_TOS_AD_ACCOUNT_ID}`;
const resources = closeAfterAll();
let graph: GraphServer;
let control: GraphControlClient;
let relay: E2eRelay;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  graph = resources.add(await startGraphEmulator());
  control = createGraphControlClient(graph.url);
  relay = resources.add(
    await startE2eRelay({
      FACEBOOK_GRAPH_BASE_URL: graph.url,
      FACEBOOK_DIALOG_BASE_URL: graph.url,
    }),
  );
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  browser = resources.add(await launchExtension());
  // No network: the terms page is answered here, so the test sees only that it opened.
  await browser.context.route('https://business.facebook.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Custom Audience Terms</title>' }),
  );
  page = await openConnectedOptions(browser, relay, adminKey.apiKey);
});
screenshotFailures(SCREENSHOTS, () => page);

const facebook = () => page.locator('section[aria-labelledby="facebook-heading"]');

/** Clicks Connect (or Reconnect) Facebook and answers the login window as a person would. */
async function signIn(button: string, decision: 'Continue' | 'Cancel') {
  const loginWindow = browser.context.waitForEvent('page');
  await facebook().getByRole('button', { name: button }).click();
  const dialog = await loginWindow;
  await dialog.getByRole('button', { name: decision }).waitFor();
  if (decision === 'Continue') await saveScreenshot(dialog, `${SCREENSHOTS}/login-window`);
  await dialog.getByRole('button', { name: decision }).click();
}

/** The token the relay received for Dana through the dialog (not the seeded one). */
function issuedUserToken(): string {
  const issued = [...graph.emulator.world.tokens.values()].filter(
    (token) => token.personId === DEMO_USER_ID && token.token !== DEMO_USER_TOKEN,
  );
  const token = issued.at(-1)?.token;
  if (!token) throw new Error('the relay got no token from the dialog');
  return token;
}

describe('the options page’s Facebook section', () => {
  it('offers admins to connect Facebook, and says so when they cancel', async () => {
    await facebook().getByText('Facebook is not connected').waitFor();
    await saveScreenshot(page, `${SCREENSHOTS}/not-connected`);

    await signIn('Connect Facebook', 'Cancel');
    await facebook().getByText('You cancelled the Facebook connection').waitFor();
    expect(await facebook().getByRole('alert').count()).toBe(0);
    await facebook().getByRole('button', { name: 'Connect Facebook' }).waitFor();
    await saveScreenshot(page, `${SCREENSHOTS}/cancelled`);
  });

  it('connects through the login window and saves the chosen ad accounts', async () => {
    await signIn('Connect Facebook', 'Continue');
    await facebook().getByText('Facebook is connected.').waitFor();
    const picker = facebook().getByRole('group', { name: 'Ad accounts this token can see' });
    await picker.getByLabel(/Northwind US/).waitFor();
    expect(await picker.getByRole('checkbox').count()).toBe(3);
    expect(await picker.textContent()).toContain('Terms not accepted');
    await picker.getByLabel(/Northwind US/).check();
    await picker.getByLabel(/Northwind EU/).check();
    await saveScreenshot(page, `${SCREENSHOTS}/choose-ad-accounts`);

    await facebook().getByRole('button', { name: 'Save ad accounts' }).click();
    await facebook().getByText('Saved: marketers can export to 2 ad accounts.').waitFor();
    const accounts = facebook().locator('.facebook-settings__accounts');
    expect(await accounts.textContent()).toContain('Northwind US');
    expect(await accounts.textContent()).not.toContain('Bluebird Client Ads');
  });

  it('shows the ad account without the Custom Audience Terms, with the link to accept them', async () => {
    const health = facebook().locator('.facebook-health');
    expect(await health.textContent()).toContain('User token of Dana Demo');
    await health.getByText('Custom Audience Terms not accepted for Northwind EU').waitFor();
    const link = health.getByRole('link', {
      name: 'Accept the Custom Audience Terms for Northwind EU',
    });
    expect(await link.getAttribute('href')).toBe(TERMS_URL);
    await saveScreenshot(page, `${SCREENSHOTS}/connected-health`);

    const termsTab = browser.context.waitForEvent('page');
    await link.click();
    const opened = await termsTab;
    expect(opened.url()).toBe(TERMS_URL);
    await opened.close();
  });

  it('shows a revoked token with its fix once checked again', async () => {
    await control.invalidateToken(issuedUserToken(), 'revoked');
    await facebook().getByRole('button', { name: 'Check now' }).click();
    const health = facebook().locator('.facebook-health');
    // The fix sits in the token's notice, whose title is the catalog's for the relay's reason.
    const tokenIssue = health.locator('li', {
      has: page.getByRole('button', { name: 'Reconnect Facebook' }),
    });
    await tokenIssue.waitFor();
    expect(await tokenIssue.textContent()).toMatch(/Facebook (access removed|connection)/);
    expect(await health.textContent()).not.toContain('Ready for exports');
    await saveScreenshot(page, `${SCREENSHOTS}/token-revoked`);
  });

  it('prefers a System User token, and falls back to the user token without it', async () => {
    await facebook().getByLabel('System User token').fill(DEMO_SYSTEM_USER_TOKEN);
    await facebook().getByRole('button', { name: 'Use this token' }).click();
    await facebook()
      .getByText(`The relay now uses the System User token of ${DEMO_SYSTEM_USER_NAME}.`)
      .waitFor();
    const health = facebook().locator('.facebook-health');
    await health.getByText(`System User token: ${DEMO_SYSTEM_USER_NAME}`).waitFor();
    expect(await health.getByRole('button', { name: 'Reconnect Facebook' }).count()).toBe(0);
    expect(await health.textContent()).toContain('Never');
    await saveScreenshot(page, `${SCREENSHOTS}/system-user-token`);

    await facebook().getByRole('button', { name: 'Remove the System User token' }).click();
    await facebook().getByText('The relay uses the user token again.').waitFor();
    await health.getByText('User token of Dana Demo').waitFor();
  });

  it('reconnects, then disconnects after asking', async () => {
    await signIn('Reconnect Facebook', 'Continue');
    await facebook().getByText('Facebook is connected.').waitFor();
    const health = facebook().locator('.facebook-health');
    expect(await health.getByRole('button', { name: 'Reconnect Facebook' }).count()).toBe(0);

    await facebook().getByRole('button', { name: 'Disconnect Facebook' }).click();
    await facebook().getByText('Disconnect Facebook?').waitFor();
    await saveScreenshot(page, `${SCREENSHOTS}/disconnect-confirm`);
    await facebook().getByRole('button', { name: 'Disconnect', exact: true }).click();
    await facebook().getByText('Facebook was disconnected').waitFor();
    await facebook().getByRole('button', { name: 'Connect Facebook' }).waitFor();
  });
});
