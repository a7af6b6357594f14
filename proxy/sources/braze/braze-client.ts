import { ApiError } from '../../http/api-error.ts';
import { type Backoff, backoffDelay, sleep as realSleep, type Sleep } from './backoff.ts';

/** The permission each endpoint needs (braze-and-platforms.md §1.2). */
const PERMISSION_OF_PATH: Readonly<Record<string, string>> = {
  '/segments/list': 'segments.list',
  '/segments/details': 'segments.details',
  '/users/export/segment': 'users.export.segment',
};

export interface BrazeClientOptions {
  /** The REST endpoint, e.g. `https://rest.iad-01.braze.com` (see rest-endpoint.ts). */
  endpoint: string;
  apiKey: string;
  fetch?: typeof fetch;
  /** Epoch milliseconds. */
  now?: () => number;
  sleep?: Sleep;
  random?: () => number;
  /** Retries of a server error or lost connection. Default 4. */
  retries?: number;
  /** Default 500 ms doubling up to 30 s. */
  backoff?: Backoff;
  /**
   * The longest wait for Braze's hourly limit to reset (it resets on the clock hour). A longer
   * one fails with `braze_rate_limited`. Default 61 minutes: always wait.
   */
  maxRateLimitWaitMs?: number;
}

/** A Braze answer the client does not handle itself (400, 404, 429 that is not the rate limit…). */
export class BrazeResponseError extends Error {
  override name = 'BrazeResponseError';
  readonly status: number;

  constructor(status: number, brazeMessage: string) {
    super(`Braze answered ${status}: ${brazeMessage}`);
    this.status = status;
  }
}

export type BrazeClient = ReturnType<typeof createBrazeClient>;

/**
 * A Braze REST client: bearer key, Braze's `X-RateLimit-*` headers honoured (when a window is
 * used up it waits for the reset before the next call), server errors and lost connections
 * retried with bounded, jittered backoff, key problems turned into catalog errors. The key
 * is never logged nor put in an error; it is never sent anywhere but the REST endpoint.
 */
export function createBrazeClient(options: BrazeClientOptions) {
  const {
    apiKey,
    fetch: fetchImpl = fetch,
    now = Date.now,
    sleep = realSleep,
    random = Math.random,
    retries = 4,
    backoff = { baseMs: 500, maxMs: 30_000 },
    maxRateLimitWaitMs = 61 * 60_000,
  } = options;
  const endpoint = options.endpoint.replace(/\/+$/, '');
  /** Epoch ms when the current window resets, while it is used up. */
  let exhaustedUntil = 0;

  const waitForWindow = async (signal?: AbortSignal) => {
    const wait = exhaustedUntil - now();
    if (wait <= 0) return;
    if (wait > maxRateLimitWaitMs) {
      throw new ApiError('braze_rate_limited', 'The Braze rate limit resets too late to wait.', {
        retryAfterSeconds: Math.ceil(wait / 1000),
      });
    }
    await sleep(wait, signal);
  };

  const noteRateLimit = (response: Response) => {
    const remaining = response.headers.get('x-ratelimit-remaining');
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    exhaustedUntil = remaining === '0' && Number.isFinite(reset) ? reset * 1000 : 0;
  };

  /**
   * `fetch` with retries of lost connections and 5xx; `onResponse` may ask for a retry of
   * another answer. Other answers are returned as they are.
   */
  const fetchWithRetries = async (
    url: string,
    init: RequestInit,
    signal: AbortSignal | undefined,
    onResponse: (response: Response) => Promise<'retry' | 'done'> = async () => 'done',
  ): Promise<Response> => {
    for (let attempt = 0; ; attempt += 1) {
      signal?.throwIfAborted();
      let response: Response | undefined;
      try {
        response = await fetchImpl(url, { ...init, signal });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (attempt >= retries) {
          throw new ApiError('braze_unavailable', `Braze could not be reached: ${String(error)}`);
        }
      }
      if (response !== undefined) {
        if (response.status < 500) {
          if ((await onResponse(response)) === 'done') return response;
          // onResponse waited as long as needed: try again at once.
          await response.body?.cancel();
          continue;
        }
        await response.body?.cancel();
        if (attempt >= retries) {
          throw new ApiError('braze_unavailable', `Braze kept answering ${response.status}.`);
        }
      }
      await sleep(backoffDelay(attempt, backoff, random), signal);
    }
  };

  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    {
      query,
      body,
      signal,
    }: { query?: Record<string, string>; body?: unknown; signal?: AbortSignal },
  ): Promise<T> => {
    const url = `${endpoint}${path}${query ? `?${new URLSearchParams(query)}` : ''}`;
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let rateLimitWaits = 0;
    const response = await fetchWithRetries(
      url,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body) },
      signal,
      async (answer) => {
        noteRateLimit(answer);
        // A 429 with the window used up is the rate limit: wait for the reset and retry
        // (a few times: another tool may use the fresh window first). Other 429s (an export
        // already running) are the caller's to handle.
        if (answer.status === 429 && exhaustedUntil > 0 && rateLimitWaits < 3) {
          rateLimitWaits += 1;
          await waitForWindow(signal);
          return 'retry';
        }
        return 'done';
      },
    );
    const text = await response.text();
    if (response.ok) return JSON.parse(text) as T;
    const message = brazeMessage(text);
    if (response.status === 401 || response.status === 404) {
      throw keyError(path, response.status, message);
    }
    throw new BrazeResponseError(response.status, message);
  };

  return {
    endpoint,
    get: <T>(path: string, query?: Record<string, string>, signal?: AbortSignal) =>
      waitForWindow(signal).then(() => call<T>('GET', path, { query, signal })),
    post: <T>(path: string, body: unknown, signal?: AbortSignal) =>
      waitForWindow(signal).then(() => call<T>('POST', path, { body, signal })),
    /**
     * GETs a presigned download URL: without the key (it is not Braze's REST endpoint), with
     * lost connections and 5xx retried. Any other answer (200, 403…) is returned as it is.
     */
    download: (url: string, signal?: AbortSignal) =>
      fetchWithRetries(url, { method: 'GET' }, signal),
  };
}

/** Braze's `{message}` error body, else the text itself (short). */
function brazeMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: use the text
  }
  return text.slice(0, 200);
}

/**
 * 401 (and 404, "unknown REST API key" in Braze's error list): the key is unknown, or lacks
 * the endpoint's permission. Braze documents no distinct status for the latter, so a
 * message mentioning a permission decides.
 */
function keyError(path: string, status: number, message: string): ApiError {
  const permission = PERMISSION_OF_PATH[path];
  if (/permission/i.test(message) && permission !== undefined) {
    return new ApiError(
      'braze_permission_missing',
      `The Braze REST API key lacks the ${permission} permission.`,
      { permission },
    );
  }
  return new ApiError('braze_key_rejected', `Braze rejected the REST API key (${status}).`);
}
