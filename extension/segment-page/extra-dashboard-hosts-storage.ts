import { storage } from 'wxt/utils/storage';
import type { ExtraDashboardHost } from './extra-dashboard-hosts.ts';

/** `local:`: content scripts read it to know they run on an enabled dashboard. */
export const extraDashboardHostsItem = storage.defineItem<ExtraDashboardHost[]>(
  'local:extraDashboardHosts',
  { fallback: [], version: 1, migrations: {} },
);

/**
 * The enabled hosts, or none when the stored value is not of this version's shape. Checked
 * by hand: the content script reads this, and zod stays out of its bundle.
 */
export async function readExtraDashboardHosts(): Promise<ExtraDashboardHost[]> {
  const stored: unknown = await extraDashboardHostsItem.getValue();
  const valid = Array.isArray(stored) && stored.every((host) => typeof host === 'string');
  return valid ? stored : [];
}
