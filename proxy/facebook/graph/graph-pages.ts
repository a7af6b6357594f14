import type { GraphParams, GraphRequest, GraphRequester } from './graph-client.ts';

/** A page of a Graph edge: `{data: [...], paging: {cursors, next, previous}}`. */
export interface GraphPage<T> {
  data?: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

/** Parameters of a `paging.next` link that the client sets afresh on every call. */
const SIGNING_PARAMS = ['access_token', 'appsecret_proof', 'appsecret_time'];

/**
 * The request for the page after `page`, from its `paging.next` link, or undefined on the
 * last page. The link's token and proof are dropped (the client signs each call anew, and a
 * time-stamped proof from the first page may have expired); a link to another host is
 * refused, so a token is never sent anywhere but the configured Graph API.
 */
export function nextPageRequest(
  previous: GraphRequest,
  page: GraphPage<unknown>,
  graphBaseUrl: string,
): GraphRequest | undefined {
  const next = page.paging?.next;
  if (!next) return undefined;
  const url = new URL(next);
  if (url.origin !== new URL(graphBaseUrl).origin) {
    throw new Error(`Refusing to follow a Graph paging link to another host: ${url.origin}`);
  }
  const path = url.pathname.replace(/^\/v\d+\.\d+\//, '');
  const params: GraphParams = {};
  for (const [name, value] of url.searchParams) {
    if (!SIGNING_PARAMS.includes(name)) params[name] = value;
  }
  return { ...previous, method: 'GET', path, params };
}

/**
 * Every item of a Graph edge, page after page, following `paging.next` until the last page.
 * Pages are fetched as they are consumed, so stopping early fetches no more.
 */
export async function* graphItems<T>(
  request: GraphRequester,
  first: GraphRequest,
  graphBaseUrl: string,
): AsyncGenerator<T> {
  let call: GraphRequest | undefined = first;
  const seen = new Set<string>();
  while (call) {
    const page: GraphPage<T> = await request<GraphPage<T>>(call);
    yield* page.data ?? [];
    const next = page.paging?.next;
    // A link seen before would loop forever: a broken answer, not more data.
    if (next && seen.has(next)) throw new Error('Graph paging returned the same page link twice.');
    if (next) seen.add(next);
    call = nextPageRequest(call, page, graphBaseUrl);
  }
}
