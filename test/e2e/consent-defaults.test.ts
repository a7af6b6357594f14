import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { ConsentDefaultsResponse } from '../../shared/relay-api/consent.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import type { BrazeSandbox } from './support/braze-sandbox.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { startExportWorld } from './support/export-world.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import type { RelayApi } from './support/relay-api.ts';
import { popupForSegment } from './support/segment-popup.ts';

const SCREENSHOTS = 'consent-defaults';
const SEGMENT = DEMO_SEGMENT.newsletter;
const resources = closeAfterAll();
let sandbox: BrazeSandbox;
let api: RelayApi;
let browser: ExtensionBrowser;
let options: Page;
let current: Page | undefined;

beforeAll(async () => {
  const world = await startExportWorld(resources);
  ({ sandbox, api } = world);
  browser = resources.add(await launchExtension());
  options = await openConnectedOptions(browser, world.relay, world.apiKey);
}, 60_000);
screenshotFailures(SCREENSHOTS, () => current ?? options);

describe('consent defaults', () => {
  it('an admin changes them in the settings, and the popup’s export form starts from them', async () => {
    current = options;
    const section = options.getByRole('region', { name: 'Consent defaults' });
    await section.getByRole('checkbox', { name: 'Only send users who opted in' }).check();
    // Saving without the attribute's name is refused, in the form.
    await section.getByRole('button', { name: 'Save consent defaults' }).click();
    const attribute = section.getByLabel('Opt-in attribute');
    expect(await attribute.getAttribute('aria-invalid')).toBe('true');
    await attribute.fill('opted_in_marketing');
    await section
      .getByRole('checkbox', { name: 'Leave out users unsubscribed from email' })
      .check();
    await section.getByRole('button', { name: 'Save consent defaults' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await saveScreenshot(options, `${SCREENSHOTS}/options`);

    const saved = await api.call<ConsentDefaultsResponse>('/v1/settings/consent');
    expect(saved.settings).toEqual({
      requireAdTrackingForDeviceIds: true,
      optOutAttribute: 'do_not_sell_or_share',
      optInAttribute: 'opted_in_marketing',
      excludeEmailUnsubscribed: true,
    });

    const page = await browser.context.newPage();
    const popup = await popupForSegment(browser, page, sandbox, SEGMENT);
    current = popup;
    const form = popup.getByRole('form', { name: 'Export to Facebook' });
    await form.waitFor();
    const box = (name: string) => form.getByRole('checkbox', { name, exact: true });
    expect(await box('Users not opted in (opted_in_marketing)').isChecked()).toBe(true);
    expect(await box('Users unsubscribed from email').isChecked()).toBe(true);
    expect(await box('Users who opted out (do_not_sell_or_share)').isChecked()).toBe(true);
    await box('Users not opted in (opted_in_marketing)').scrollIntoViewIfNeeded();
    await saveScreenshot(popup, `${SCREENSHOTS}/popup-form`);
  });
});
