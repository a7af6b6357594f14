import { browser } from 'wxt/browser';

/** The upload page's address (the `upload` entrypoint). */
const uploadPageUrl = () => browser.runtime.getURL('/upload.html');

/**
 * Opens the upload page in a tab, then closes the popup: a file dialog opened from a popup
 * takes its focus, and Firefox closes the popup (and the dialog's page) when that happens.
 */
export async function openUploadPage(
  tabs: Pick<typeof browser.tabs, 'create'> = browser.tabs,
  close: () => void = () => window.close(),
): Promise<void> {
  await tabs.create({ url: uploadPageUrl() });
  close();
}
