import '../../ui/theme.css';
import '../../popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { trackedExportsItem } from '../../exports/tracked-exports-storage.ts';
import type { TrackedExportsSource } from '../../popup/exports/use-tracked-exports.ts';
import { PopupApp } from '../../popup/popup-app.tsx';
import { sandboxAllowed } from '../../segment-page/dashboard-hosts.ts';
import { selectedSegmentOfActiveTab } from '../../segment-selection/selected-segment-of-active-tab.ts';
import { syncsPageUrl } from '../../syncs/sync-links.ts';
import { backgroundExports } from '../../ui/background-exports.ts';
import { backgroundRelay } from '../../ui/background-relay.ts';

const allowSandbox = sandboxAllowed(import.meta.env.MODE);
const findSegment = () => selectedSegmentOfActiveTab({ allowSandbox });
// The popup closes once the settings are open, rather than risk cutting the request short.
const openOptions = () => {
  void browser.runtime.openOptionsPage().finally(() => window.close());
};

const openSyncs = () => {
  void browser.tabs.create({ url: syncsPageUrl() }).finally(() => window.close());
};

const tracked: TrackedExportsSource = {
  get: () => trackedExportsItem.getValue(),
  watch: (onChange) => trackedExportsItem.watch((jobs) => onChange(jobs ?? {})),
};

// A notification's click opens this page on one export's report (see `reportUrl`).
const reportOf = new URLSearchParams(window.location.search).get('export');

const root = document.getElementById('app');
if (root) {
  render(
    <PopupApp
      relay={backgroundRelay}
      findSegment={findSegment}
      openOptions={openOptions}
      openSyncs={openSyncs}
      exports={backgroundExports}
      tracked={tracked}
      reportOf={reportOf}
    />,
    root,
  );
}
