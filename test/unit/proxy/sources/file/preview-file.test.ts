import { describe, expect, it } from 'vitest';
import { previewFile } from '../../../../../proxy/sources/file/preview-file.ts';
import { UnreadableFileError } from '../../../../../proxy/sources/file/unreadable-file-error.ts';
import { byteStream } from '../../../../support/chunks.ts';

const preview = (text: string, options: Parameters<typeof previewFile>[1] = {}) =>
  previewFile(byteStream(text), options);

describe('previewFile', () => {
  it('lists each CSV column with the field it feeds, and the malformed rows by line', async () => {
    const csv = [
      'E-mail,Mobile,Favourite colour,"Email"',
      'ann@example.com,+14155550100,red,other@example.com',
      'bob@example.com,+14155550101,blue,x,extra',
      '',
      '"cy@example.com,+1415',
    ].join('\n');
    expect(await preview(csv)).toEqual({
      format: 'csv',
      columns: [
        { name: 'E-mail', field: 'email' },
        { name: 'Mobile', field: 'phone' },
        { name: 'Favourite colour', field: null },
        // A second column for a field already fed is not read as that field, as in an export.
        { name: 'Email', field: null },
      ],
      rowsRead: 3,
      malformed: 2,
      malformedSample: [
        { line: 3, problem: 'too_many_fields' },
        { line: 5, problem: 'unterminated_quote' },
      ],
      complete: true,
    });
  });

  it('applies the mapping over the recognised names', async () => {
    const result = await preview('contact,tel\nann@example.com,+14155550100\n', {
      mapping: { contact: 'email', tel: null },
    });
    expect(result.columns).toEqual([
      { name: 'contact', field: 'email' },
      { name: 'tel', field: null },
    ]);
  });

  it('reads NDJSON keys in the order they first appear', async () => {
    const ndjson = [
      '{"email":"ann@example.com","plan":"gold"}',
      'not json',
      '{"phone":"+14155550100","email":"bob@example.com"}',
    ].join('\n');
    expect(await preview(ndjson)).toMatchObject({
      format: 'ndjson',
      columns: [
        { name: 'email', field: 'email' },
        { name: 'plan', field: null },
        { name: 'phone', field: 'phone' },
      ],
      rowsRead: 3,
      malformed: 1,
      malformedSample: [{ line: 2, problem: 'invalid_json' }],
    });
  });

  it('stops after its row bound and says the preview is partial', async () => {
    const rows = Array.from({ length: 50 }, (_, index) => `u${index}@example.com`);
    const result = await preview(['email', ...rows, 'a,b'].join('\n'), { maxRows: 10 });
    expect(result).toMatchObject({ rowsRead: 10, malformed: 0, complete: false });
  });

  it('counts every malformed row while listing only the first ones', async () => {
    const rows = Array.from({ length: 30 }, () => 'a@example.com,extra');
    const result = await preview(['email', ...rows].join('\n'), { maxSample: 3 });
    expect(result.malformed).toBe(30);
    expect(result.malformedSample.map(({ line }) => line)).toEqual([2, 3, 4]);
  });

  it('lists the columns of a file whose columns feed no field, for a mapping to fix', async () => {
    expect(await preview('foo,bar\n1,2\n')).toEqual({
      format: 'csv',
      columns: [
        { name: 'foo', field: null },
        { name: 'bar', field: null },
      ],
      rowsRead: 0,
      malformed: 0,
      malformedSample: [],
      complete: false,
    });
  });

  it('refuses a file no export could read, as the export would', async () => {
    await expect(preview('"email,phone\nann@example.com')).rejects.toSatisfy(
      (error) => error instanceof UnreadableFileError && error.reason === 'unterminated_header',
    );
  });
});
