import { describe, expect, it } from 'vitest';
import { audienceBaseName, uploadSource } from '../../../../extension/uploads/upload-source.ts';

describe('audienceBaseName', () => {
  it.each([
    ['Spring VIPs.csv', 'Spring VIPs'],
    ['export.2026-11.NDJSON', 'export.2026-11'],
    ['people.jsonl', 'people'],
    ['no extension', 'no extension'],
    ['.csv', '.csv'],
    ['   ', 'Uploaded file'],
  ])('%j names the audiences %j', (fileName, name) => {
    expect(audienceBaseName(fileName)).toBe(name);
  });
});

describe('uploadSource', () => {
  it('makes a file source named after the file, found again by its upload id', () => {
    expect(
      uploadSource({
        fileName: 'Spring VIPs.csv',
        uploadId: 'upload-0123456789',
        format: 'csv',
        mapping: { contact: 'phone' },
      }),
    ).toEqual({
      name: 'Spring VIPs',
      key: 'upload:upload-0123456789',
      request: {
        kind: 'file',
        uploadId: 'upload-0123456789',
        format: 'csv',
        mapping: { contact: 'phone' },
        name: 'Spring VIPs',
      },
    });
  });

  it('sends no mapping when the relay’s reading is kept', () => {
    const source = uploadSource({
      fileName: 'a.ndjson',
      uploadId: 'upload-0123456789',
      format: 'ndjson',
      mapping: {},
    });
    expect(source.request).not.toHaveProperty('mapping');
  });
});
