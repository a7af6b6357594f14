import { DEMO_REST_API_KEY } from '../../../sandbox/braze/demo.ts';
import { DEMO_REDIRECT_URI } from '../../../sandbox/graph/demo-world.ts';

/** The relay's JSON API as an admin's session calls it, failing on any refusal. */
export interface RelayApi {
  call<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T>;
}

/** A session for `apiKey` on the relay at `relayUrl`. */
export async function relayApi(relayUrl: string, apiKey: string): Promise<RelayApi> {
  const send = async <T>(path: string, method: string, body: unknown, token?: string) => {
    const response = await fetch(`${relayUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { token } = await send<{ token: string }>('/v1/session', 'POST', { apiKey });
  return {
    call: (path, { method = 'GET', body } = {}) => send(path, method, body, token),
  };
}

/**
 * Connects the workspace to Facebook (through the Graph emulator's dialog, answered with
 * Continue as a person would) and chooses the ad accounts marketers may export to: what an
 * admin does on the options page, done here through the API the page calls.
 */
export async function connectFacebook(
  api: RelayApi,
  { adAccountIds }: { adAccountIds: string[] },
): Promise<void> {
  const { dialogUrl } = await api.call<{ dialogUrl: string }>('/v1/facebook/oauth/start', {
    method: 'POST',
    body: { redirectUrl: DEMO_REDIRECT_URI },
  });
  const dialog = new URL(dialogUrl);
  const consent = await fetch(`${dialog.origin}${dialog.pathname}`, {
    method: 'POST',
    body: new URLSearchParams({ ...Object.fromEntries(dialog.searchParams), decision: 'continue' }),
    redirect: 'manual',
  });
  if (consent.status !== 302) throw new Error(`dialog refused: ${await consent.text()}`);
  await api.call('/v1/facebook/oauth/complete', {
    method: 'POST',
    body: { url: consent.headers.get('location') ?? '' },
  });
  await api.call('/v1/facebook/connected-ad-accounts', {
    method: 'PUT',
    body: { adAccountIds },
  });
}

/** `connectFacebook`, then the Braze sandbox's REST API as the workspace's source. */
export async function connectFacebookAndBraze(
  api: RelayApi,
  { brazeRestUrl, adAccountIds }: { brazeRestUrl: string; adAccountIds: string[] },
): Promise<void> {
  await connectFacebook(api, { adAccountIds });
  await api.call('/v1/sources/braze', {
    method: 'PUT',
    body: { restEndpoint: brazeRestUrl, apiKey: DEMO_REST_API_KEY },
  });
}
