/**
 * Braze's REST endpoint for a dashboard host, by the rules of the instance table
 * (braze-and-platforms.md §1.1): `dashboard-0N.braze.com` → `rest.iad-0N.braze.com`,
 * `dashboard-0N.braze.eu` → `rest.fra-0N.braze.eu`, `dashboard.<x>.braze.com` →
 * `rest.<x>.braze.com`. Takes a host or a URL (a segment page's address); `null` for
 * anything else, so the user types the endpoint instead of the relay guessing one.
 */
export function restEndpointFromDashboard(dashboard: string): string | null {
  const host = hostOf(dashboard);
  if (host === null) return null;
  const numbered = /^dashboard-(\d{2})\.braze\.(com|eu)$/.exec(host);
  if (numbered) {
    const [, instance, tld] = numbered;
    return `https://rest.${tld === 'com' ? 'iad' : 'fra'}-${instance}.braze.${tld}`;
  }
  const named = /^dashboard\.([a-z]{2}-\d{2})\.braze\.com$/.exec(host);
  return named ? `https://rest.${named[1]}.braze.com` : null;
}

/**
 * A REST endpoint as the relay stores it: the origin only (`https://rest.iad-01.braze.com`),
 * or `null` when it is not one. HTTPS only, except plain HTTP on the loopback address for the
 * local Braze emulator; no credentials in the URL.
 */
export function normalizeRestEndpoint(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null;
  return url.origin;
}

function hostOf(dashboard: string): string | null {
  const text = dashboard.trim().toLowerCase();
  try {
    return new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
}
