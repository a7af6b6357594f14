import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SEGMENT } from '../../sandbox/braze/demo.ts';
import type { Segment } from '../../sandbox/braze/segments/segment.ts';
import type { GraphControlClient } from '../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID, DEMO_NO_TOS_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import { CONSENT_FILTER_LABELS, CONSENT_FILTERS } from '../../shared/consent-settings.ts';
import { describeError } from '../../shared/error-catalog.ts';
import { ENDED_PHASES } from '../../shared/export-events.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { startExportWorld } from './support/export-world.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import type { RelayApi } from './support/relay-api.ts';

const SCREENSHOTS = 'popup-history';
const count = new Intl.NumberFormat('en-US');
const resources = closeAfterAll();
let control: GraphControlClient;
let api: RelayApi;
let browser: ExtensionBrowser;
let page: Page;
let popup: Page | undefined;
/** The exports the history shows, started through the relay's API as another browser would. */
let newsletter: ExportJobView;
let vip: ExportJobView;
let noTerms: ExportJobView;

/** Starts a Braze export of `segment`'s emails (and phone numbers) and waits for its end. */
async function exportSegment(
  segment: Segment,
  { adAccountId = DEMO_AD_ACCOUNT_ID, keys = ['EMAIL'] } = {},
): Promise<ExportJobView> {
  const started = await api.call<ExportJobView>('/v1/exports', {
    method: 'POST',
    body: {
      source: { kind: 'braze', segmentId: segment.apiId, segmentName: segment.name },
      adAccountId,
      plan: { kind: 'per-field', keys },
    },
  });
  return ended(started.id);
}

async function ended(exportId: string): Promise<ExportJobView> {
  for (;;) {
    const job = await api.call<ExportJobView>(`/v1/exports/${exportId}`);
    if (ENDED_PHASES.includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  const world = await startExportWorld(resources);
  ({ control, api } = world);
  noTerms = await exportSegment(DEMO_SEGMENT['cart-web'], {
    adAccountId: DEMO_NO_TOS_AD_ACCOUNT_ID,
  });
  vip = await exportSegment(DEMO_SEGMENT.vip);
  newsletter = await exportSegment(DEMO_SEGMENT.newsletter, { keys: ['EMAIL', 'PHONE'] });
  browser = resources.add(await launchExtension());
  await (await openConnectedOptions(browser, world.relay, world.apiKey)).close();
  page = await browser.context.newPage();
  // A tab that is no segment page: the popup opens on the history.
  await page.goto(`${world.relay.url}/healthz`);
}, 120_000);
screenshotFailures(SCREENSHOTS, () => (popup && !popup.isClosed() ? popup : page));
afterEach(async () => {
  if (popup && !popup.isClosed()) await popup.close();
  popup = undefined;
});

async function openHistory(): Promise<Locator> {
  await page.bringToFront();
  popup = await browser.openPopup();
  const history = popup.getByRole('region', { name: 'Recent exports' });
  await history.getByRole('button').first().waitFor();
  return history;
}

/** The numbers of the report's row this label heads. */
const rowText = (scope: Locator, label: string) =>
  scope.getByRole('row', { name: label, exact: false }).first().locator('td').allTextContents();

describe('the popup’s history, reports and lookalikes', () => {
  it('lists the workspace’s exports newest first, with status, audiences and failures', async () => {
    const history = await openHistory();
    const entries = history.getByRole('listitem');
    expect(await entries.count()).toBe(3);
    const [first, second, third] = await entries.allTextContents();
    expect(first).toContain(DEMO_SEGMENT.newsletter.name);
    expect(first).toContain('Done');
    expect(first).toContain('2 audiences');
    expect(second).toContain(DEMO_SEGMENT.vip.name);
    expect(third).toContain(DEMO_SEGMENT['cart-web'].name);
    expect(third).toContain('Failed');
    expect(third).toContain(describeError('facebook_custom_audience_terms_not_accepted').title);
    await saveScreenshot(popup as Page, `${SCREENSHOTS}/history`);
  });

  it('opens a report whose numbers and links are the relay’s, and creates a lookalike', async () => {
    const history = await openHistory();
    await history.getByRole('button', { name: new RegExp(DEMO_SEGMENT.newsletter.name) }).click();
    const shown = popup as Page;
    const report = shown.getByRole('region', { name: 'Finished' });
    await report.waitFor();
    const numbers = newsletter.report;
    if (!numbers) throw new Error('the relay reported nothing');
    expect(await rowText(report, 'Users read')).toEqual([count.format(numbers.users.read)]);
    for (const filter of CONSENT_FILTERS) {
      expect(await rowText(report, CONSENT_FILTER_LABELS[filter])).toEqual([
        count.format(numbers.users.removed[filter]),
      ]);
    }
    expect(await rowText(report, 'Eligible')).toEqual([count.format(numbers.users.eligible)]);
    // Guards against a segment the filters emptied.
    expect(numbers.users.eligible).toBeGreaterThan(0);
    for (const audience of newsletter.audiences) {
      const card = report.getByRole('article', { name: audience.name });
      const link = card.getByRole('link', { name: /Open in Ads Manager/ });
      expect(await link.getAttribute('href')).toBe(audience.adsManagerUrl);
      const counts = numbers.audiences.find((a) => a.audience === audience.audience);
      expect(await rowText(card, 'Received by Meta')).toEqual([
        count.format(counts?.meta?.received ?? -1),
      ]);
    }
    expect(await report.textContent()).toContain('Meta does not reveal which users matched');
    await saveScreenshot(shown, `${SCREENSHOTS}/report`);

    const email = newsletter.audiences.find((a) => a.audience === 'EMAIL');
    await report
      .getByRole('article', { name: email?.name ?? '' })
      .getByRole('button', { name: 'Create a Lookalike' })
      .click();
    const form = shown.getByRole('form', { name: 'Create a Lookalike' });
    await form.getByLabel('Countries').fill('us, ca');
    await form.getByLabel('Audience size (%)').fill('3');
    await saveScreenshot(shown, `${SCREENSHOTS}/lookalike-form`);
    await form.getByRole('button', { name: 'Create Lookalike' }).click();
    const created = shown.getByRole('region', { name: 'Lookalike created' });
    await created.waitFor();
    await saveScreenshot(shown, `${SCREENSHOTS}/lookalike-created`);

    const name = `Lookalike (US, CA, 3%) — ${email?.name}`;
    expect(await created.textContent()).toContain(name);
    const lookalike = (await control.state()).audiences.find(
      (audience) => audience.subtype === 'LOOKALIKE' && audience.name === name,
    );
    expect(lookalike?.originAudienceId).toBe(email?.facebookAudienceId);
    expect(
      await created.getByRole('link', { name: /Open in Ads Manager/ }).getAttribute('href'),
    ).toContain(`ids=${lookalike?.id}`);
  });

  it('explains a seed too small for a lookalike through the catalog', async () => {
    const history = await openHistory();
    await history.getByRole('button', { name: new RegExp(DEMO_SEGMENT.vip.name) }).click();
    const shown = popup as Page;
    await shown.getByRole('button', { name: 'Create a Lookalike' }).click();
    const form = shown.getByRole('form', { name: 'Create a Lookalike' });
    await form.getByRole('button', { name: 'Create Lookalike' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(
      describeError('facebook_lookalike_seed_too_small').title,
    );
    await saveScreenshot(shown, `${SCREENSHOTS}/lookalike-seed-too-small`);
    expect(vip.audiences).toHaveLength(1);
  });

  it('resumes an export stopped by Meta’s terms once they are accepted, live to its end', async () => {
    const history = await openHistory();
    await history.getByRole('button', { name: new RegExp(DEMO_SEGMENT['cart-web'].name) }).click();
    const shown = popup as Page;
    const failed = shown.getByRole('region', { name: 'Failed' });
    await failed.waitFor();
    expect(await failed.textContent()).toContain(
      describeError('facebook_custom_audience_terms_not_accepted').title,
    );
    await saveScreenshot(shown, `${SCREENSHOTS}/report-failed`);
    await control.updateAdAccount(DEMO_NO_TOS_AD_ACCOUNT_ID, { tosAccepted: true });
    await failed.getByRole('button', { name: 'Resume export' }).click();
    // Live until the relay's final report replaces the progress.
    await shown.getByRole('region', { name: 'Finished' }).getByRole('article').first().waitFor();
    expect((await ended(noTerms.id)).status).toBe('done');
  });
});
