import { describe, expect, it, vi } from 'vitest';
import { browserHostPermissions } from '../../../../extension/permissions/host-permissions.ts';

const PATTERN = 'https://relay.example.com/*';

function permissions({
  request = async () => true,
  remove = async () => true,
}: {
  request?: (p: { origins: string[] }) => Promise<boolean>;
  remove?: (p: { origins: string[] }) => Promise<boolean>;
} = {}) {
  return { request: vi.fn(request), remove: vi.fn(remove) };
}

describe('browserHostPermissions', () => {
  it('asks for the one origin pattern, synchronously', () => {
    const api = permissions();
    void browserHostPermissions(api as never).request(PATTERN);
    // Still inside the caller's user gesture: no await came before the browser call.
    expect(api.request).toHaveBeenCalledExactlyOnceWith({ origins: [PATTERN] });
  });

  it.each([true, false])('passes on the answer %s', async (granted) => {
    const api = permissions({ request: async () => granted, remove: async () => granted });
    expect(await browserHostPermissions(api as never).request(PATTERN)).toBe(granted);
    expect(await browserHostPermissions(api as never).release(PATTERN)).toBe(granted);
    expect(api.remove).toHaveBeenCalledWith({ origins: [PATTERN] });
  });

  it('answers false when the browser refuses the request outright', async () => {
    const rejecting = permissions({
      request: async () => {
        throw new Error('Only permissions specified in the manifest may be requested.');
      },
      remove: async () => {
        throw new Error('You cannot remove required permissions.');
      },
    });
    expect(await browserHostPermissions(rejecting as never).request(PATTERN)).toBe(false);
    expect(await browserHostPermissions(rejecting as never).release(PATTERN)).toBe(false);
    const throwing = {
      request: () => {
        throw new Error('not implemented');
      },
      remove: () => {
        throw new Error('not implemented');
      },
    };
    expect(await browserHostPermissions(throwing as never).request(PATTERN)).toBe(false);
    expect(await browserHostPermissions(throwing as never).release(PATTERN)).toBe(false);
  });
});
