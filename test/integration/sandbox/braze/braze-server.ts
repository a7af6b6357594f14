import { onTestFinished } from 'vitest';
import { createBrazeControl } from '../../../../sandbox/braze/control-client.ts';
import { DEMO_REST_API_KEY } from '../../../../sandbox/braze/demo.ts';
import type { BrazeEmulatorOptions } from '../../../../sandbox/braze/emulator.ts';
import { startBrazeEmulator } from '../../../../sandbox/braze/start.ts';

/** A frozen instant (10:15 UTC): time only moves when a test moves it. */
export const START = new Date('2026-03-02T10:15:00.000Z');

export interface ApiCall {
  method?: string;
  /** JSON-encoded unless already a string. */
  body?: unknown;
  /** Default: the demo key. `null` sends no Authorization header. */
  key?: string | null;
}

/** The emulator over real HTTP on 127.0.0.1:0, closed when the test ends. */
export async function startBraze(options: BrazeEmulatorOptions = {}) {
  const servers = await startBrazeEmulator({
    now: () => START,
    apiIdentifierDelayMs: 0,
    ...options,
  });
  onTestFinished(() => servers.close());
  const control = createBrazeControl(servers.restUrl);
  const api = (path: string, { method = 'GET', body, key = DEMO_REST_API_KEY }: ApiCall = {}) =>
    fetch(`${servers.restUrl}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { ...servers, control, api };
}

export type Braze = Awaited<ReturnType<typeof startBraze>>;

/**
 * Waits (bounded) until `find` returns something, and returns it: for effects that happen
 * after a response, like callbacks, or pages that render asynchronously.
 */
export async function eventually<T>(
  find: () => T | Promise<T>,
  what: string,
): Promise<NonNullable<T>> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const found = await find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
