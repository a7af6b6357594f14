import { describeError } from '../../shared/error-catalog.ts';
import { en } from '../i18n/en.ts';
import type { Explanation } from '../ui/explanation.ts';
import { formatBytes } from './file-size.ts';

/** Bytes looked at to tell text from binary: a CSV's first line fits many times over. */
const SNIFF_BYTES = 4096;

/**
 * Why the relay would refuse this file, found before sending it: empty, larger than the
 * relay's limit, or binary (a NUL byte, which no CSV or NDJSON text holds). Null when it is
 * worth sending; the relay reads the rest.
 */
export async function checkFile(file: Blob, maxBytes: number): Promise<Explanation | null> {
  if (file.size === 0) return en.uploads.empty;
  if (file.size > maxBytes) {
    const { title, explanation, steps } = describeError('upload_too_large');
    const sizes = en.uploads.tooBig(formatBytes(file.size), formatBytes(maxBytes));
    return { title, explanation: `${explanation} ${sizes}`, steps };
  }
  const start = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  if (start.includes(0)) {
    const { title, steps } = describeError('unreadable_file');
    return { title, explanation: en.uploads.binary, steps };
  }
  return null;
}
