import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../../extension/uploads/file-size.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1,023 bytes'],
    [1024, '1 KB'],
    [1536, '1.5 KB'],
    [512 * 1024 ** 2, '512 MB'],
    [3.25 * 1024 ** 3, '3.3 GB'],
  ])('%i bytes read %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
