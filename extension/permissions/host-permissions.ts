import { browser } from 'wxt/browser';

/**
 * Host permissions for origins the person chooses (the relay), behind an adapter because
 * fake-browser does not implement `permissions`.
 */
export interface HostPermissions {
  /**
   * Asks for access to a match pattern such as `https://relay.example.com/*`; resolves
   * false when declined. Browsers only prompt from a user gesture, so call it first thing
   * in a click handler, before any `await`.
   */
  request(pattern: string): Promise<boolean>;
  /** Gives access back; false when it is not ours to give (declared in the manifest). */
  release(pattern: string): Promise<boolean>;
}

type Permissions = Pick<typeof browser.permissions, 'request' | 'remove'>;

export function browserHostPermissions(
  permissions: Permissions = browser.permissions,
): HostPermissions {
  // Both throw for patterns the manifest does not allow or declares as required. The call
  // itself still happens synchronously, inside the gesture.
  const attempt = async (action: () => Promise<boolean>) => {
    try {
      return await action();
    } catch {
      return false;
    }
  };
  return {
    request: (pattern) => attempt(() => permissions.request({ origins: [pattern] })),
    release: (pattern) => attempt(() => permissions.remove({ origins: [pattern] })),
  };
}
