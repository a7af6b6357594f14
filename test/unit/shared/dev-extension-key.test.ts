import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_EXTENSION_KEY } from '../../../shared/dev-extension-key.ts';

it('derives the dev extension id from the manifest key the way Chromium does', () => {
  const digest = createHash('sha256')
    .update(Buffer.from(DEV_EXTENSION_KEY, 'base64'))
    .digest('hex');
  const id = [...digest.slice(0, 32)]
    .map((hex) => String.fromCharCode(97 + Number.parseInt(hex, 16)))
    .join('');
  expect(id).toBe(DEV_EXTENSION_ID);
});
