import { isExtraDashboardUrl } from './extra-dashboard-hosts.ts';

/** Match patterns of the Braze dashboards the segment-page content script acts on in every build. */
export const BRAZE_DASHBOARD_MATCHES = ['https://*.braze.com/*', 'https://*.braze.eu/*'];

/** The sandbox dashboard runs on loopback; only development and test builds act on it. */
export const SANDBOX_DASHBOARD_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Whether a build in this Vite mode may treat the loopback sandbox as a dashboard. */
export function sandboxAllowed(mode: string): boolean {
  return mode !== 'production';
}

/** Content-script matches (and host permissions) for a build in this Vite mode. */
export function dashboardMatches(mode: string): string[] {
  return sandboxAllowed(mode)
    ? [...BRAZE_DASHBOARD_MATCHES, ...SANDBOX_DASHBOARD_MATCHES]
    : BRAZE_DASHBOARD_MATCHES;
}

// `*.braze.com` also covers www.braze.com and REST hosts: these name the real dashboards.
const NUMBERED_DASHBOARD = /^dashboard-\d{2}\.braze\.(?:com|eu)$/;
const CLUSTER_DASHBOARD = /^dashboard\.[a-z]{2,}-\d{2}\.braze\.com$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/** Which hosts count as dashboards besides Braze's own. */
export interface DashboardScope {
  /** The loopback sandbox (development and test builds). */
  allowSandbox?: boolean;
  /** Hosts an admin enabled (`scheme://hostname`, see `extra-dashboard-hosts.ts`). */
  extraHosts?: readonly string[];
}

/**
 * Whether a URL is on a segment dashboard: `dashboard-NN.braze.com|eu`,
 * `dashboard.<cluster>.braze.com`, an enabled extra host, or (when allowed) the sandbox on
 * loopback.
 */
export function isDashboardUrl(
  url: URL,
  { allowSandbox = false, extraHosts = [] }: DashboardScope = {},
): boolean {
  if (isExtraDashboardUrl(url, extraHosts)) return true;
  if (url.protocol === 'https:') {
    return NUMBERED_DASHBOARD.test(url.hostname) || CLUSTER_DASHBOARD.test(url.hostname);
  }
  return allowSandbox && url.protocol === 'http:' && LOOPBACK.has(url.hostname);
}
