import { createRelayClient } from '../../../../extension/relay/relay-client.ts';
import type { Role } from '../../../../shared/relay-api/roles.ts';

export const RELAY_URL = 'https://relay.example.com';
export const KEY_ID = '0123456789abcdef';
export const API_KEY = `ar_live_${KEY_ID}_${'s'.repeat(43)}`;
export const NOW = new Date('2026-11-22T12:00:00Z');
export const SESSION_MS = 15 * 60_000;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer =
  | Response
  | Error
  | ((request: RecordedRequest, signal?: AbortSignal) => Promise<Response>);

/** A relay error in its one shape. */
export function relayError(status: number, code: string, extra: Record<string, unknown> = {}) {
  return Response.json(
    { error: { code, message: `${code} (test)`, requestId: `req-${code}`, ...extra } },
    { status },
  );
}

/**
 * A stand-in for `fetch` against the relay: it records every request and answers with the
 * next answer queued for its route (`POST /v1/session`, `GET /v1/workspace`), or with the
 * route's default. Unexpected routes fail the call loudly.
 */
export function fakeRelay({
  now = () => NOW,
  role = 'admin' as Role,
  workspaceName = 'Acme Marketing',
} = {}) {
  const requests: RecordedRequest[] = [];
  const queued = new Map<string, Answer[]>();
  let sessions = 0;
  const defaults: Record<string, () => Response> = {
    'POST /v1/session': () => {
      sessions += 1;
      return Response.json({
        token: `token-${sessions}`,
        tokenType: 'Bearer',
        expiresAt: new Date(now().getTime() + SESSION_MS).toISOString(),
        workspace: { id: 'ws_1', name: workspaceName },
        role,
        keyId: KEY_ID,
      });
    },
    'GET /v1/workspace': () =>
      Response.json({ workspace: { id: 'ws_1', name: workspaceName }, role, keyId: KEY_ID }),
  };

  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = String(input);
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      url,
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const path = new URL(url).pathname;
    const route = `${request.method} ${path.slice(path.indexOf('/v1/'))}`;
    const answer = queued.get(route)?.shift() ?? defaults[route]?.();
    if (!answer) throw new Error(`fake relay: no answer for ${route}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer(request, init.signal ?? undefined) : answer;
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    requests,
    /** Answers the next call of `route` (e.g. `GET /v1/workspace`) with this instead. */
    answer(route: string, ...answers: Answer[]) {
      queued.set(route, [...(queued.get(route) ?? []), ...answers]);
    },
    routes: () => requests.map((request) => `${request.method} ${new URL(request.url).pathname}`),
  };
}

/** A relay client signed in to a fresh fake relay: for services the background builds on it. */
export function fakeRelayClient() {
  const relay = fakeRelay();
  const client = createRelayClient({
    settings: { url: RELAY_URL, apiKey: API_KEY },
    fetch: relay.fetch,
    now: () => NOW,
  });
  return { relay, client };
}
