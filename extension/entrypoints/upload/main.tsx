import '../../ui/theme.css';
// The export form and progress come from the popup, with their styles (upload-page.css
// undoes the popup's fixed width).
import '../../popup/popup.css';
import '../../uploads/upload-page.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { reportUrl } from '../../exports/export-signals.ts';
import { storedTrackedExports } from '../../popup/exports/use-tracked-exports.ts';
import { backgroundExports } from '../../ui/background-exports.ts';
import { backgroundRelay } from '../../ui/background-relay.ts';
import { relayAccessFromBackground } from '../../uploads/background-relay-access.ts';
import { UploadPage } from '../../uploads/upload-page.tsx';
import { createUploadsApi } from '../../uploads/uploads-api.ts';

const root = document.getElementById('app');
if (root) {
  render(
    <UploadPage
      relay={backgroundRelay}
      api={createUploadsApi({ access: (renew) => relayAccessFromBackground(renew) })}
      exports={backgroundExports}
      tracked={storedTrackedExports}
      openOptions={() => void browser.runtime.openOptionsPage()}
      openReport={(exportId) => void browser.tabs.create({ url: reportUrl(exportId) })}
    />,
    root,
  );
}
