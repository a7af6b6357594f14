import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openUploadPage } from '../../../../extension/uploads/open-upload-page.ts';

describe('openUploadPage', () => {
  it('opens the upload page in a tab, then closes the popup', async () => {
    const create = vi.fn(async () => ({}) as never);
    const close = vi.fn();
    await openUploadPage({ create }, close);
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/upload.html') });
    expect(close).toHaveBeenCalledOnce();
  });
});
