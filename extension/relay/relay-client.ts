import type { z } from 'zod';
import { sessionResponse } from '../../shared/relay-api/session.ts';
import { type WorkspaceResponse, workspaceResponse } from '../../shared/relay-api/workspace.ts';
import { parseJson } from './parse-json.ts';
import {
  failureFromErrorResponse,
  failureFromFetchError,
  type RelayFailure,
  type RelayResult,
} from './relay-failure.ts';
import { type RelaySettings, workspaceKeyId } from './relay-settings.ts';
import { type HttpMethod, sendRelayRequest } from './send-relay-request.ts';
import { memorySessionStore, type SessionStore } from './session-store.ts';

export type { HttpMethod } from './send-relay-request.ts';

export interface RelayClientOptions {
  settings: RelaySettings;
  /** Where the session token lives between calls; in memory unless the settings are saved. */
  sessions?: SessionStore;
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** How long one HTTP call may take before the relay counts as unreachable. */
  timeoutMs?: number;
  /** A session this close to its expiry is replaced before use rather than sent. */
  refreshBeforeMs?: number;
}

/** The relay's `/v1` API, signed in with the workspace key. Every call resolves to a result. */
export interface RelayClient {
  /**
   * Any session-authenticated call: sends `body` as JSON and checks the answer with
   * `schema`. A 401 (the session ended early) starts a new session and retries once.
   */
  request<T>(
    method: HttpMethod,
    path: `/v1/${string}`,
    schema: z.ZodType<T, unknown>,
    body?: unknown,
  ): Promise<RelayResult<T>>;
  /**
   * A session token, for the extension's pages that call the relay themselves (a file is too
   * big for runtime messages); `renew` drops the current one first, as the relay refused it.
   */
  session(renew?: boolean): Promise<RelayResult<string>>;
  /** `GET /v1/workspace`: the key's workspace and role. */
  workspace(): Promise<RelayResult<WorkspaceResponse>>;
  /**
   * A session-authenticated GET whose answer is read as a stream (Server-Sent Events): no
   * timeout, `signal` ends it. Resolves once the headers are in; a 2xx only.
   */
  openStream(
    path: `/v1/${string}`,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<RelayResult<Response>>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_REFRESH_BEFORE_MS = 60_000;

/** For the background service worker only: pages reach the relay through its messages. */
export function createRelayClient({
  settings,
  sessions = memorySessionStore(),
  fetch = (input, init) => globalThis.fetch(input, init),
  now = () => new Date(),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  refreshBeforeMs = DEFAULT_REFRESH_BEFORE_MS,
}: RelayClientOptions): RelayClient {
  const keyId = workspaceKeyId(settings.apiKey) ?? '';

  const send = <T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T, unknown>,
    { token, body }: { token?: string; body?: unknown },
  ): Promise<RelayResult<T>> =>
    sendRelayRequest({
      relayUrl: settings.url,
      method,
      path,
      schema,
      ...(token !== undefined && { token }),
      ...(body !== undefined && { body }),
      timeoutMs,
      fetch,
    });

  // Calls made while a session is being started wait for that one instead of starting more.
  let starting: Promise<RelayResult<string>> | null = null;
  const startSession = () => {
    starting ??= (async () => {
      const started = await send('POST', '/v1/session', sessionResponse, {
        body: { apiKey: settings.apiKey },
      });
      if (!started.ok) {
        await sessions.clear();
        return started;
      }
      const { token, expiresAt } = started.value;
      await sessions.set({ relayUrl: settings.url, keyId, token, expiresAt });
      return { ok: true as const, value: token };
    })().finally(() => {
      starting = null;
    });
    return starting;
  };

  const sessionToken = async (): Promise<RelayResult<string>> => {
    const cached = await sessions.get();
    const fresh =
      cached?.relayUrl === settings.url &&
      cached.keyId === keyId &&
      Date.parse(cached.expiresAt) - now().getTime() > refreshBeforeMs;
    return fresh ? { ok: true, value: cached.token } : startSession();
  };

  /** Runs `call` with a session; a 401 (the session ended early) signs in again, once. */
  const withSession = async <T>(
    call: (token: string) => Promise<RelayResult<T>>,
  ): Promise<RelayResult<T>> => {
    const token = await sessionToken();
    if (!token.ok) return token;
    const first = await call(token.value);
    if (first.ok || first.failure.kind !== 'unauthenticated') return first;
    // Revoked key, rotated relay secret, a clock running behind: sign in again, once.
    await sessions.clear();
    const again = await startSession();
    if (!again.ok) return again;
    return call(again.value);
  };

  const request: RelayClient['request'] = (method, path, schema, body) =>
    withSession((token) => send(method, path, schema, { token, body }));

  const openOnce = async (
    path: string,
    token: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<RelayResult<Response>> => {
    try {
      const response = await fetch(`${settings.url}${path}`, {
        headers: { ...headers, authorization: `Bearer ${token}` },
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      if (response.ok) return { ok: true, value: response };
      return fail(failureFromErrorResponse(response.status, parseJson(await response.text())));
    } catch (error) {
      return fail(failureFromFetchError(error));
    }
  };

  const openStream: RelayClient['openStream'] = (path, headers, signal) =>
    withSession((token) => openOnce(path, token, headers, signal));

  return {
    request,
    async session(renew = false) {
      if (renew) await sessions.clear();
      return sessionToken();
    },
    workspace: () => request('GET', '/v1/workspace', workspaceResponse),
    openStream,
  };
}

const fail = (failure: RelayFailure) => ({ ok: false as const, failure });
