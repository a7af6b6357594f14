import type { FacebookConfig } from '../../config.ts';
import type { Pacer } from '../pacing/pacer.ts';
import { appsecretProofParams } from './appsecret-proof.ts';
import { GraphError, graphErrorFacts } from './graph-error.ts';
import { encodeJson } from './raw-json.ts';

export type GraphParams = Record<string, unknown>;

export interface GraphRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  /** A node or edge without the version, e.g. `me/adaccounts` or `act_123/customaudiences`. */
  path: string;
  params?: GraphParams;
  /**
   * The user, system-user or app token the call acts with; every call that carries one is
   * signed with `appsecret_proof`. Absent only for the OAuth code exchange.
   */
  token?: string;
  /**
   * How POST and DELETE parameters travel: form fields with JSON-encoded objects (what
   * Meta's SDKs send, the default) or one JSON body (reference §4.1). GET always uses the
   * query string.
   */
  encoding?: 'form' | 'json';
  /** The ad account the call concerns: it is paced on that account's usage. */
  adAccountId?: string;
}

/** Sends one Graph call and returns its JSON body, or throws a `GraphError`. */
export type GraphRequester = <T>(request: GraphRequest) => Promise<T>;

export interface GraphClient {
  request: GraphRequester;
  /** `APP_ID|APP_SECRET`: the app token `debug_token` is called with (server side only). */
  appToken: string;
}

export interface GraphClientOptions {
  facebook: Pick<
    FacebookConfig,
    'appId' | 'appSecret' | 'graphBaseUrl' | 'apiVersion' | 'requestTimeoutMs'
  >;
  fetch?: typeof fetch;
  now?: () => Date;
  pacer?: Pacer;
  /** Told of every failed call, e.g. to count errors by class for `/metrics`. */
  onError?: (error: GraphError) => void;
}

/** Graph parameters are strings; objects and arrays go as JSON text, as Meta's SDKs send them. */
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The one way the relay talks to Meta: versioned URLs, `appsecret_proof` on every call that
 * carries a token, a timeout per call, pacing per ad account, and every failure (Graph error,
 * HTML error page, network error, timeout) turned into a classified `GraphError`.
 */
export function createGraphClient({
  facebook,
  fetch: fetchImpl = fetch,
  now = () => new Date(),
  pacer,
  onError,
}: GraphClientOptions): GraphClient {
  const base = `${facebook.graphBaseUrl}/${facebook.apiVersion}/`;

  const build = (request: GraphRequest): [URL, RequestInit] => {
    const method = request.method ?? 'GET';
    const params: GraphParams = { ...request.params };
    if (request.token !== undefined) {
      Object.assign(
        params,
        { access_token: request.token },
        appsecretProofParams(facebook.appSecret, request.token, now()),
      );
    }
    const url = new URL(request.path.replace(/^\/+/, ''), base);
    const init: RequestInit = {
      method,
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(facebook.requestTimeoutMs),
    };
    if (method === 'GET') {
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, asText(value));
    } else if (request.encoding === 'json') {
      init.headers = { ...init.headers, 'content-type': 'application/json' };
      init.body = encodeJson(params);
    } else {
      init.body = new URLSearchParams(
        Object.entries(params).map(([name, value]) => [name, asText(value)]),
      );
    }
    return [url, init];
  };

  const failed = (error: GraphError) => {
    onError?.(error);
    return error;
  };

  const send = async (request: GraphRequest): Promise<{ response: Response; text: string }> => {
    const [url, init] = build(request);
    try {
      const response = await fetchImpl(url, init);
      return { response, text: await response.text() };
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw failed(
        new GraphError(
          {
            message: timedOut
              ? `Facebook did not answer within ${facebook.requestTimeoutMs} ms.`
              : `Could not reach Facebook: ${(error as Error).message}`,
          },
          { adAccountId: request.adAccountId },
        ),
      );
    }
  };

  const request: GraphRequester = async <T>(call: GraphRequest): Promise<T> => {
    await pacer?.ready(call.adAccountId);
    const { response, text } = await send(call);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const facts =
      graphErrorFacts(body, response.status) ??
      (response.ok && body !== undefined
        ? undefined
        : {
            message: `Facebook answered HTTP ${response.status} without a Graph response.`,
            httpStatus: response.status,
          });
    const error = facts && new GraphError(facts, { adAccountId: call.adAccountId });
    pacer?.observe(call.adAccountId, response.headers, {
      throttled: error?.errorClass === 'throttled',
    });
    if (error) throw failed(error);
    return body as T;
  };

  return { request, appToken: `${facebook.appId}|${facebook.appSecret}` };
}
