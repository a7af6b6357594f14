import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { UploadPage } from '../../../../extension/uploads/upload-page.tsx';
import type { UploadsApi } from '../../../../extension/uploads/uploads-api.ts';
import { describeError } from '../../../../shared/error-catalog.ts';
import type { UploadPreviewResponse } from '../../../../shared/relay-api/uploads.ts';
import { trackedJob } from '../exports/tracked-export-fixture.ts';
import { facebookStatus } from '../facebook/facebook-fixtures.ts';
import { RELAY_URL } from '../relay/fake-relay.ts';
import { fakeBackgroundExports, fakeTrackedExports } from '../support/fake-background-exports.ts';
import {
  failedStatus,
  fakeBackgroundRelay,
  REVOKED,
  relayConnection,
} from '../support/fake-background-relay.ts';
import { button, click, mount, pageText, settle } from '../support/render-page.ts';

const text = en.uploads;
const UPLOAD_ID = 'upload-0123456789';
const PREVIEW: UploadPreviewResponse = {
  format: 'csv',
  columns: [
    { name: 'Email', field: 'email' },
    { name: 'contact number', field: null },
  ],
  rowsRead: 3,
  malformed: 1,
  malformedSample: [{ line: 3, problem: 'too_many_fields' }],
  complete: true,
};

function fakeApi(preview: UploadPreviewResponse = PREVIEW) {
  return {
    limits: vi.fn<UploadsApi['limits']>(async () => ({
      ok: true,
      value: { maxBytes: 1024, formats: ['csv', 'ndjson'] },
    })),
    upload: vi.fn<UploadsApi['upload']>(async (file, { onProgress }) => {
      onProgress(file.size);
      return { ok: true, value: { uploadId: UPLOAD_ID, bytes: file.size } };
    }),
    preview: vi.fn<UploadsApi['preview']>(async (_id, { mapping = {} }) => ({
      ok: true,
      value: {
        ...preview,
        columns: preview.columns.map((column) =>
          column.name in mapping ? { ...column, field: mapping[column.name] ?? null } : column,
        ),
      },
    })),
  };
}

let api: ReturnType<typeof fakeApi>;
let exports: ReturnType<typeof fakeBackgroundExports>;
let tracked: ReturnType<typeof fakeTrackedExports>;

beforeEach(() => {
  api = fakeApi();
  exports = fakeBackgroundExports(facebookStatus());
  tracked = fakeTrackedExports();
});

async function open(relay = fakeBackgroundRelay(relayConnection())) {
  await mount(
    <UploadPage
      relay={relay}
      api={api}
      exports={exports}
      tracked={tracked}
      openOptions={vi.fn()}
      openReport={vi.fn()}
    />,
  );
  // The relay's status, then its limits.
  for (let i = 0; i < 3; i++) await settle();
}

async function choose(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  expect(input).not.toBeNull();
  await act(() => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input?.dispatchEvent(new Event('change', { bubbles: true }));
  });
  // The size check reads the file, then the upload and the preview answer.
  for (let i = 0; i < 5; i++) await settle();
}

const csv = (text: string, name = 'Spring VIPs.csv') =>
  new File([text], name, { type: 'text/csv' });
const select = (label: string) =>
  document.getElementById(
    [...document.querySelectorAll('label')].find((node) => node.textContent === label)?.htmlFor ??
      '',
  ) as HTMLSelectElement;

describe('the upload page', () => {
  it('states the relay’s limit before a file is chosen', async () => {
    await open();
    expect(pageText()).toContain(text.accepts('1 KB'));
    expect(api.upload).not.toHaveBeenCalled();
  });

  it('sends a file, shows the columns the relay recognised and the unreadable rows', async () => {
    await open();
    await choose(csv('Email,contact number\nann@example.com,+14155550100\n'));
    expect(api.upload).toHaveBeenCalledOnce();
    expect(api.preview).toHaveBeenCalledWith(UPLOAD_ID, { mapping: {} });
    expect(pageText()).toContain('Spring VIPs.csv');
    expect(select('Email').value).toBe('email');
    expect(select('contact number').value).toBe('');
    expect(pageText()).toContain('Line 3: The row has more values than the header has columns.');
    expect(document.querySelector('form[aria-labelledby="export-heading"]')).not.toBeNull();
  });

  it('previews again with the person’s mapping, and exports the file with it', async () => {
    await open();
    await choose(csv('Email,contact number\nann@example.com,+14155550100\n'));
    await act(() => {
      const contact = select('contact number');
      contact.value = 'phone';
      contact.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.preview).toHaveBeenLastCalledWith(UPLOAD_ID, {
      mapping: { 'contact number': 'phone' },
    });
    expect(pageText()).toContain(text.mappedByYou);
    // The form asks the background again for the accounts and the consent defaults.
    await settle();

    await click(button(en.exports.submitFile));
    expect(exports.start).toHaveBeenCalledOnce();
    const [request, name, key] = exports.start.mock.calls[0] ?? [];
    expect(request).toMatchObject({
      source: {
        kind: 'file',
        uploadId: UPLOAD_ID,
        format: 'csv',
        mapping: { 'contact number': 'phone' },
        name: 'Spring VIPs',
      },
      audienceNames: { EMAIL: 'Spring VIPs — Email' },
    });
    expect([name, key]).toEqual(['Spring VIPs', `upload:${UPLOAD_ID}`]);
  });

  it('shows the export’s progress and no longer lets the columns change once it runs', async () => {
    await open();
    await choose(csv('Email\nann@example.com\n'));
    await act(() => {
      tracked.set({ exp_1: { ...trackedJob(), segmentKey: `upload:${UPLOAD_ID}` } });
    });
    await settle();
    expect(document.querySelector('form[aria-labelledby="export-heading"]')).toBeNull();
    expect(document.querySelector('section[aria-labelledby="progress-heading"]')).not.toBeNull();
    expect(select('Email').disabled).toBe(true);
    expect(document.body.textContent).not.toContain(text.chooseOther);
  });

  it('refuses a file over the limit before sending it', async () => {
    await open();
    await choose(csv('x'.repeat(2048)));
    expect(api.upload).not.toHaveBeenCalled();
    expect(pageText()).toContain(describeError('upload_too_large').title);
    expect(pageText()).toContain('This file is 2 KB; this relay’s limit is 1 KB.');
  });

  it('explains a refused upload through the catalog, and offers the file picker again', async () => {
    api.upload.mockResolvedValue({ ok: false, failure: REVOKED });
    await open();
    await choose(csv('email\nann@example.com\n'));
    expect(pageText()).toContain(describeError('api_key_revoked').title);
    expect(pageText()).toContain(text.dropHere);
  });

  it('explains a relay that went away during the upload', async () => {
    api.upload.mockResolvedValue({
      ok: false,
      failure: { kind: 'unreachable', reason: 'network' },
    });
    await open();
    await choose(csv('email\nann@example.com\n'));
    expect(pageText()).toContain(en.problems.unreachable.title);
    expect(pageText()).toContain(RELAY_URL);
  });

  it('offers no export while no column feeds a field, and says what to do', async () => {
    api = fakeApi({
      ...PREVIEW,
      columns: [{ name: 'who', field: null }],
      rowsRead: 0,
      malformed: 0,
      malformedSample: [],
      complete: false,
    });
    await open();
    await choose(csv('who\nann@example.com\n'));
    expect(pageText()).toContain(describeError('unreadable_file').title);
    expect(pageText()).toContain(text.noUsableColumn);
    expect(document.querySelector('form[aria-labelledby="export-heading"]')).toBeNull();
  });

  it('cancels an upload in flight and goes back to choosing', async () => {
    let aborted = false;
    api.upload.mockImplementation(
      (_file, { signal }) =>
        new Promise((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve({ ok: false, failure: { kind: 'unreachable', reason: 'network' } });
          });
        }),
    );
    await open();
    await choose(csv('email\nann@example.com\n'));
    expect(pageText()).toContain(text.uploading);
    await click(button(text.cancelUpload));
    expect(aborted).toBe(true);
    expect(pageText()).toContain(text.dropHere);
    expect(pageText()).not.toContain(en.problems.unreachable.title);
  });

  it('leads to the settings when the relay refuses the key', async () => {
    await open(fakeBackgroundRelay(relayConnection(failedStatus(REVOKED))));
    expect(pageText()).toContain(describeError('api_key_revoked').title);
    expect(api.limits).not.toHaveBeenCalled();
    expect(button(en.popup.openSettings)).toBeDefined();
  });

  it('leads to the settings when no relay is configured', async () => {
    await open(fakeBackgroundRelay(null));
    expect(pageText()).toContain(text.noRelay.title);
  });
});
