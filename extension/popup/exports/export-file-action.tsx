import { en } from '../../i18n/en.ts';
import { ActionButton } from '../../ui/action-button.tsx';
import { openUploadPage } from '../../uploads/open-upload-page.ts';

/** The popup's way to a file export: the upload page, in a tab of its own. */
export function ExportFileAction({ open = openUploadPage }: { open?: () => Promise<void> }) {
  return (
    <div class="popup__file-action">
      <ActionButton variant="secondary" onClick={() => void open()}>
        {en.uploads.openFromPopup}
      </ActionButton>
    </div>
  );
}
