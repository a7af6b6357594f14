import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createGraphControlClient,
  type GraphControlClient,
} from '../../sandbox/graph/control-client.ts';
import { DEMO_AD_ACCOUNT_ID } from '../../sandbox/graph/demo-world.ts';
import type { GraphServer } from '../../sandbox/graph/start.ts';
import { matchKeyValue } from '../../shared/match-keys.ts';
import type { ExportJobView } from '../../shared/relay-api/exports.ts';
import { saveScreenshot, screenshotFailures } from './support/artifacts.ts';
import { closeAfterAll } from './support/close-after-all.ts';
import { type ExtensionBrowser, launchExtension } from './support/launch-extension.ts';
import { openConnectedOptions } from './support/options-page.ts';
import { type E2eRelay, startRelayWithGraph } from './support/relay.ts';
import { connectFacebook, type RelayApi, relayApi } from './support/relay-api.ts';

const SCREENSHOTS = 'export-a-file';
/** Small, so that an oversized file is small too. */
const UPLOAD_LIMIT_BYTES = 64 * 1024;
/** A bound for CI's busy 2 cores, not a speed requirement. */
const EXPORT_DONE = { timeout: 60_000 };

/** What a marketer's spreadsheet tool writes; `contact number` is no name the relay knows. */
const PEOPLE = [
  { email: 'Ann.Lee@Example.com', phone: '+1 (415) 555-0100' },
  { email: 'bob@example.org', phone: '+44 20 7946 0958' },
  { email: 'cy@example.net', phone: '' },
  { email: '', phone: '+33 6 12 34 56 78' },
  { email: 'dee@example.com', phone: '+1 212 555 0199' },
];
const CSV = [
  'Email,contact number,Notes',
  ...PEOPLE.slice(0, 3).map(({ email, phone }) => `${email},${phone},regular`),
  // Line 5: a value too many, so the row could be read into the wrong columns.
  'eve@example.com,+1 415 555 0111,vip,unexpected',
  ...PEOPLE.slice(3).map(({ email, phone }) => `${email},"${phone}",`),
].join('\r\n');

const resources = closeAfterAll();
let graph: GraphServer;
let control: GraphControlClient;
let relay: E2eRelay;
let api: RelayApi;
let browser: ExtensionBrowser;
let upload: Page | undefined;

beforeAll(async () => {
  ({ graph, relay } = await startRelayWithGraph(resources, {
    RELAY_UPLOAD_BODY_LIMIT: String(UPLOAD_LIMIT_BYTES),
  }));
  control = createGraphControlClient(graph.url);
  const { adminKey } = await relay.admin.createWorkspace('Acme Marketing');
  api = await relayApi(relay.url, adminKey.apiKey);
  await connectFacebook(api, { adAccountIds: [DEMO_AD_ACCOUNT_ID] });
  browser = resources.add(await launchExtension());
  await (await openConnectedOptions(browser, relay, adminKey.apiKey)).close();
}, 60_000);
screenshotFailures(SCREENSHOTS, () => upload);
afterEach(async () => {
  if (upload && !upload.isClosed()) await upload.close();
  upload = undefined;
});

/** Opens the upload page the way a marketer does: from the popup's "Export a file…". */
async function openUploadPage(): Promise<Page> {
  const popup = await browser.openPopup();
  const opened = browser.context.waitForEvent('page', {
    predicate: (page) => page.url().endsWith('/upload.html'),
  });
  const action = popup.getByRole('button', { name: 'Export a file…' });
  await action.waitFor();
  await saveScreenshot(popup, `${SCREENSHOTS}/popup`);
  await action.click();
  const page = await opened;
  await page.getByText('Drop a CSV or NDJSON file here').waitFor();
  return page;
}

const chooseFile = (page: Page, name: string, mimeType: string, buffer: Buffer) =>
  page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });

describe('exporting a file', () => {
  it('uploads a CSV, maps a column, skips the malformed row and exports exactly its users', async () => {
    upload = await openUploadPage();
    expect(await upload.getByText('Up to 64 KB.', { exact: false }).count()).toBe(1);
    await saveScreenshot(upload, `${SCREENSHOTS}/choose`);

    await chooseFile(upload, 'Spring VIPs.csv', 'text/csv', Buffer.from(CSV));
    const columns = upload.getByRole('region', { name: '2. Check the columns' });
    const contact = columns.getByLabel('contact number');
    await contact.waitFor();
    expect(await upload.getByText(`${CSV.length} bytes · Sent to the relay`).count()).toBe(1);
    expect(await columns.getByLabel('Email').inputValue()).toBe('email');
    expect(await contact.inputValue()).toBe('');
    expect(await columns.textContent()).toContain(
      'Line 5: The row has more values than the header has columns.',
    );
    await contact.selectOption('phone');
    await columns.getByText('Changed by you').waitFor();
    expect(await contact.inputValue()).toBe('phone');
    await saveScreenshot(upload, `${SCREENSHOTS}/columns`);

    const form = upload.getByRole('form', { name: 'Export to Facebook' });
    await form.getByRole('checkbox', { name: 'Email', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Phone number', exact: true }).check();
    expect(await form.getByLabel('Audience name (Email)').inputValue()).toBe('Spring VIPs — Email');
    await saveScreenshot(upload, `${SCREENSHOTS}/form`);
    await form.getByRole('button', { name: 'Export File' }).click();

    const done = upload.getByRole('region', { name: 'Finished' });
    await done.waitFor(EXPORT_DONE);
    // Once exporting, the columns are what the export read: no longer editable.
    expect(await contact.isDisabled()).toBe(true);
    await saveScreenshot(upload, `${SCREENSHOTS}/done`);

    const { exports } = await api.call<{ exports: ExportJobView[] }>('/v1/exports');
    const job = exports[0];
    expect(job).toMatchObject({ status: 'done', source: { kind: 'file', name: 'Spring VIPs' } });
    expect(job?.report?.source).toMatchObject({
      rowsRead: 6,
      malformed: 1,
      malformedSample: [{ line: 5, problem: 'too_many_fields' }],
    });
    const [email, phone] = job?.audiences ?? [];
    expect(email?.name).toBe('Spring VIPs — Email');
    expect(phone?.name).toBe('Spring VIPs — Phone number');
    const expected = (key: 'EMAIL' | 'PHONE', field: 'email' | 'phone') =>
      PEOPLE.filter((person) => person[field] !== '')
        .map((person) => [matchKeyValue(key, person[field])])
        .sort();
    const emailRows = await control.audienceRows(email?.facebookAudienceId ?? '');
    expect(emailRows.schemas[0]?.rows.sort()).toEqual(expected('EMAIL', 'email'));
    const phoneRows = await control.audienceRows(phone?.facebookAudienceId ?? '');
    expect(phoneRows.schemas[0]?.rows.sort()).toEqual(expected('PHONE', 'phone'));
    expect(expected('PHONE', 'phone')).toHaveLength(4);

    // The upload is gone with its export: the page offers another file instead.
    await done.getByRole('button', { name: 'Export another file' }).click();
    await upload.getByText('Drop a CSV or NDJSON file here').waitFor();
  });

  it('refuses a file over the relay’s limit, and a file that is not text, before sending', async () => {
    upload = await openUploadPage();
    await chooseFile(upload, 'everyone.csv', 'text/csv', Buffer.alloc(100 * 1024, 'a,b\n'));
    const tooBig = upload.getByRole('alert');
    await tooBig.getByText('File too large for this relay').waitFor();
    expect(await tooBig.textContent()).toContain(
      'This file is 100 KB; this relay’s limit is 64 KB.',
    );
    await saveScreenshot(upload, `${SCREENSHOTS}/too-big`);

    await chooseFile(
      upload,
      'customers.xlsx',
      'application/octet-stream',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]),
    );
    const binary = upload.getByRole('alert');
    await binary.getByText('File not readable as a user list').waitFor();
    expect(await binary.textContent()).toContain('binary data');
    await saveScreenshot(upload, `${SCREENSHOTS}/not-a-csv`);
  });

  it('explains a file whose columns the relay does not know, until one is mapped', async () => {
    upload = await openUploadPage();
    await chooseFile(
      upload,
      'notes.csv',
      'text/csv',
      Buffer.from('who,what\nann@example.com,hi\n'),
    );
    const columns = upload.getByRole('region', { name: '2. Check the columns' });
    await columns.getByText('File not readable as a user list').waitFor();
    expect(await upload.getByRole('form', { name: 'Export to Facebook' }).count()).toBe(0);
    await saveScreenshot(upload, `${SCREENSHOTS}/no-usable-column`);
    await columns.getByLabel('who').selectOption('email');
    await upload.getByRole('form', { name: 'Export to Facebook' }).waitFor();
    expect(await columns.getByText('File not readable as a user list').count()).toBe(0);
  });
});
