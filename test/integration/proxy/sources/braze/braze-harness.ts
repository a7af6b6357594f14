import { onTestFinished } from 'vitest';
import {
  type BrazeClientOptions,
  createBrazeClient,
} from '../../../../../proxy/sources/braze/braze-client.ts';
import { createBrazeControl } from '../../../../../sandbox/braze/control-client.ts';
import { DEMO_REST_API_KEY } from '../../../../../sandbox/braze/demo.ts';
import type { BrazeEmulatorOptions } from '../../../../../sandbox/braze/emulator.ts';
import { startBrazeEmulator } from '../../../../../sandbox/braze/start.ts';

/** The emulator's frozen start: its time only moves when a client sleeps. */
export const START = new Date('2026-03-02T10:15:00.000Z');

/**
 * The Braze emulator on 127.0.0.1:0 (closed when the test ends) and a virtual clock: every
 * sleep of the code under test moves the emulator's clock instead of waiting, so polling
 * and backoff take no real time and are exactly reproducible.
 */
export async function startBrazeForSource(options: BrazeEmulatorOptions = {}) {
  const braze = await startBrazeEmulator({ now: () => START, exportDelayMs: 0, ...options });
  onTestFinished(() => braze.close());
  const control = createBrazeControl(braze.restUrl);
  let elapsed = 0;
  const sleeps: number[] = [];
  const clock = {
    now: () => START.getTime() + elapsed,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      elapsed += ms;
      await control.advanceClock(ms);
    },
    random: () => 0.5,
  };
  const client = (overrides: Partial<BrazeClientOptions> = {}) =>
    createBrazeClient({
      endpoint: braze.restUrl,
      apiKey: DEMO_REST_API_KEY,
      ...clock,
      ...overrides,
    });
  return { ...braze, control, clock, sleeps, client };
}
