import { describe, expect, it, vi } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { ExportFileAction } from '../../../../../extension/popup/exports/export-file-action.tsx';
import { button, click, mount } from '../../support/render-page.ts';

describe('ExportFileAction', () => {
  it('opens the upload page', async () => {
    const open = vi.fn(async () => {});
    await mount(<ExportFileAction open={open} />);
    await click(button(en.uploads.openFromPopup));
    expect(open).toHaveBeenCalledOnce();
  });
});
