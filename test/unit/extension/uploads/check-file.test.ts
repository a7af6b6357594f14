import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { checkFile } from '../../../../extension/uploads/check-file.ts';
import { describeError } from '../../../../shared/error-catalog.ts';

describe('checkFile', () => {
  it('lets a text file within the limit through', async () => {
    expect(await checkFile(new Blob(['email\nann@example.com\n']), 1024)).toBeNull();
  });

  it('refuses an empty file', async () => {
    expect(await checkFile(new Blob([]), 1024)).toEqual(en.uploads.empty);
  });

  it('refuses a file over the limit with the catalog entry and both sizes', async () => {
    const problem = await checkFile(new Blob(['x'.repeat(3 * 1024)]), 2048);
    expect(problem?.title).toBe(describeError('upload_too_large').title);
    expect(problem?.steps).toEqual(describeError('upload_too_large').steps);
    expect(problem?.explanation).toContain('This file is 3 KB; this relay’s limit is 2 KB.');
  });

  it('takes a file exactly at the limit', async () => {
    expect(await checkFile(new Blob(['x'.repeat(2048)]), 2048)).toBeNull();
  });

  it('refuses binary data, such as a spreadsheet saved as .xlsx', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    const problem = await checkFile(new Blob([zip]), 1024);
    expect(problem?.title).toBe(describeError('unreadable_file').title);
    expect(problem?.explanation).toBe(en.uploads.binary);
  });

  it('looks only at the start of the file for binary data', async () => {
    const late = new Blob(['email\n', 'a'.repeat(5000), new Uint8Array([0])]);
    expect(await checkFile(late, 10_000)).toBeNull();
  });
});
