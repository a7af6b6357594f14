import { browser } from 'wxt/browser';
import { type ExtraDashboardHost, extraDashboardHostPattern } from './extra-dashboard-hosts.ts';
import {
  extraDashboardHostsItem,
  readExtraDashboardHosts,
} from './extra-dashboard-hosts-storage.ts';

/** The one dynamic registration that covers every extra host. */
export const EXTRA_DASHBOARDS_SCRIPT_ID = 'segment-page-extra-hosts';
/** What WXT builds from `entrypoints/segment-page.content/`. */
const SEGMENT_PAGE_SCRIPT = 'content-scripts/segment-page.js';

type Scripting = Pick<
  typeof browser.scripting,
  | 'getRegisteredContentScripts'
  | 'registerContentScripts'
  | 'updateContentScripts'
  | 'unregisterContentScripts'
>;

/** The dashboard hosts an admin enabled, and the content script registered for them. */
export interface ExtraDashboards {
  list(): Promise<ExtraDashboardHost[]>;
  /** Saves the host and has the segment-page script run there; resolves with all hosts. */
  add(host: ExtraDashboardHost): Promise<ExtraDashboardHost[]>;
  remove(host: ExtraDashboardHost): Promise<ExtraDashboardHost[]>;
  /**
   * Makes the registration match the saved hosts. Registrations do not outlive the browser
   * session, so the background calls this on every start.
   */
  sync(): Promise<void>;
}

export function extraDashboards(scripting: Scripting = browser.scripting): ExtraDashboards {
  const sync = async () => {
    const matches = (await readExtraDashboardHosts()).map(extraDashboardHostPattern);
    const [registered] = await scripting.getRegisteredContentScripts({
      ids: [EXTRA_DASHBOARDS_SCRIPT_ID],
    });
    if (matches.length === 0) {
      if (registered)
        await scripting.unregisterContentScripts({ ids: [EXTRA_DASHBOARDS_SCRIPT_ID] });
      return;
    }
    const script = { id: EXTRA_DASHBOARDS_SCRIPT_ID, matches, js: [SEGMENT_PAGE_SCRIPT] };
    if (registered) await scripting.updateContentScripts([script]);
    else await scripting.registerContentScripts([{ ...script, persistAcrossSessions: false }]);
  };

  const change = async (edit: (hosts: ExtraDashboardHost[]) => ExtraDashboardHost[]) => {
    const hosts = edit(await readExtraDashboardHosts());
    await extraDashboardHostsItem.setValue(hosts);
    await sync();
    return hosts;
  };

  return {
    list: readExtraDashboardHosts,
    add: (host) => change((hosts) => (hosts.includes(host) ? hosts : [...hosts, host])),
    remove: (host) => change((hosts) => hosts.filter((saved) => saved !== host)),
    sync,
  };
}
