import { describe, expect, it } from 'vitest';
import { createBrazeExportCallbacks } from '../../../../../proxy/sources/braze/export-callbacks.ts';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('Braze export callbacks', () => {
  it('hand out no URL without a public address', () => {
    expect(createBrazeExportCallbacks({ publicUrl: () => undefined }).open()).toBeUndefined();
  });

  it('hand out a URL per export under the public address, each with its own token', () => {
    const callbacks = createBrazeExportCallbacks({ publicUrl: () => 'https://relay.example.com/' });
    const first = callbacks.open();
    const second = callbacks.open();
    expect(first?.url).toMatch(
      /^https:\/\/relay\.example\.com\/callbacks\/braze-export\/[\w-]{43}$/,
    );
    expect(second?.url).not.toBe(first?.url);
  });

  it('wake the waiter at a call, or at once for a call that came before the wait', async () => {
    let tokens = 0;
    const callbacks = createBrazeExportCallbacks({
      publicUrl: () => 'https://relay.example.com',
      newToken: () => `token-${++tokens}`,
    });
    const bell = callbacks.open();
    const other = callbacks.open();
    const waiting = bell?.rung() ?? Promise.reject();
    expect(await settled(waiting)).toBe(false);
    expect(callbacks.ring('token-1')).toBe(true);
    expect(await settled(waiting)).toBe(true);
    // A call counts once: the next wait waits for the next call.
    const next = bell?.rung() ?? Promise.reject();
    expect(await settled(next)).toBe(false);
    // A call before anyone waits is kept for the next wait.
    callbacks.ring('token-1');
    expect(await settled(next)).toBe(true);
    callbacks.ring('token-1');
    expect(await settled(bell?.rung() ?? Promise.reject())).toBe(true);
    expect(await settled(other?.rung() ?? Promise.reject())).toBe(false);
  });

  it('refuse tokens never handed out and closed ones', () => {
    const callbacks = createBrazeExportCallbacks({
      publicUrl: () => 'https://relay.example.com',
      newToken: () => 'token-1',
    });
    expect(callbacks.ring('token-1')).toBe(false);
    const bell = callbacks.open();
    bell?.close();
    expect(callbacks.ring('token-1')).toBe(false);
  });
});
