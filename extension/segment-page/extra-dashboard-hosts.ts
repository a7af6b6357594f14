/**
 * Dashboards beyond Braze's own hosts that an admin enabled (a custom Braze domain, another
 * dashboard): each kept as `scheme://hostname`, without a port, because that is what a
 * match pattern can name (Firefox's cannot hold a port; Chrome's match every port without).
 */
export type ExtraDashboardHost = string;

/** The match pattern (content script and host permission) of an extra dashboard host. */
export function extraDashboardHostPattern(host: ExtraDashboardHost): string {
  return `${host}/*`;
}

/** Whether a page is on one of the extra dashboard hosts. */
export function isExtraDashboardUrl(url: URL, hosts: readonly ExtraDashboardHost[]): boolean {
  return hosts.includes(`${url.protocol}//${url.hostname}`);
}
