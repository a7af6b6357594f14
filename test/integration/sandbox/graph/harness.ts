import { createHash } from 'node:crypto';
import { afterEach } from 'vitest';
import type { GraphEmulatorOptions } from '../../../../sandbox/graph/app.ts';
import { appsecretProof } from '../../../../sandbox/graph/appsecret-proof.ts';
import { createGraphControlClient } from '../../../../sandbox/graph/control-client.ts';
import { DEMO_APP_SECRET, DEMO_USER_TOKEN } from '../../../../sandbox/graph/demo-world.ts';
import type { GraphErrorBody } from '../../../../sandbox/graph/errors.ts';
import { type GraphServer, startGraphEmulator } from '../../../../sandbox/graph/start.ts';

/** Every contract test starts the emulator at this instant (v24.0 still served for ads). */
export const START = new Date('2026-09-01T12:00:00Z');

export interface GraphCall {
  method?: string;
  params?: Record<string, unknown>;
  /** The token to send; DEMO_USER_TOKEN by default, null for none. */
  token?: string | null;
  /** How to sign: classic HMAC (default), time-stamped, or not at all. */
  proof?: 'classic' | 'timed' | 'none';
  /** Secret for the proof; the demo app's by default. */
  secret?: string;
  /** Where parameters go; query for GET/DELETE and form for POST by default. */
  encoding?: 'query' | 'form' | 'json' | 'multipart';
  /** Send the token as `Authorization: Bearer` instead of `access_token`. */
  bearer?: boolean;
  version?: string;
}

export interface GraphAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: contract tests read arbitrary Graph JSON.
  body: any;
  headers: Headers;
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Starts emulators on 127.0.0.1:0 for a test file and stops them after each test. */
export function useGraphEmulator() {
  const servers: GraphServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (options: GraphEmulatorOptions = {}) => {
    const server = await startGraphEmulator({ now: () => START, ...options });
    servers.push(server);
    const emulator = server.emulator;
    const control = createGraphControlClient(server.url);

    /** One Graph call the way a client would make it, signed like the relay signs. */
    const graph = async (path: string, call: GraphCall = {}): Promise<GraphAnswer> => {
      const method = call.method ?? 'GET';
      const token = call.token === undefined ? DEMO_USER_TOKEN : call.token;
      const params: Record<string, unknown> = { ...call.params };
      const headers: Record<string, string> = {};
      if (token !== null) {
        if (call.bearer) headers.authorization = `Bearer ${token}`;
        else params.access_token = token;
        const secret = call.secret ?? DEMO_APP_SECRET;
        if (call.proof === 'timed') {
          const time = emulator.world.nowSeconds();
          params.appsecret_proof = appsecretProof(secret, token, time);
          params.appsecret_time = String(time);
        } else if (call.proof !== 'none') {
          params.appsecret_proof = appsecretProof(secret, token);
        }
      }
      const encoding =
        call.encoding ?? (method === 'GET' || method === 'DELETE' ? 'query' : 'form');
      const url = new URL(`${server.url}/${call.version ?? 'v26.0'}/${path.replace(/^\//, '')}`);
      let body: BodyInit | undefined;
      if (encoding === 'query') {
        for (const [name, value] of Object.entries(params))
          url.searchParams.set(name, asText(value));
      } else if (encoding === 'json') {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(params);
      } else if (encoding === 'form') {
        body = new URLSearchParams(
          Object.entries(params).map(([name, value]) => [name, asText(value)]),
        );
      } else {
        const form = new FormData();
        for (const [name, value] of Object.entries(params)) form.set(name, asText(value));
        body = form;
      }
      const response = await fetch(url, { method, headers, body, redirect: 'manual' });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // HTML pages stay text.
      }
      return { status: response.status, body: parsed, headers: response.headers };
    };

    return { url: server.url, emulator, world: emulator.world, control, graph };
  };
}

/** A hashed value as Meta wants it: SHA-256 of the normalized string, lowercase hex. */
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** `count` distinct hashed emails, for building uploads. */
export function hashedEmails(count: number, prefix = 'person'): string[][] {
  return Array.from({ length: count }, (_, i) => [sha256(`${prefix}${i}@example.com`)]);
}

/** The Graph error envelope of an answer. */
export function graphError(answer: GraphAnswer): GraphErrorBody {
  return answer.body?.error;
}
