import type { Worker } from 'playwright-core';

export type StorageAreaName = 'local' | 'session' | 'sync';

/**
 * Everything in one of the extension's storage areas, read inside its service worker (the
 * only place `storage.session` is visible by default).
 */
export function readExtensionStorage(
  serviceWorker: Worker,
  area: StorageAreaName,
): Promise<Record<string, unknown>> {
  return serviceWorker.evaluate(
    (name) =>
      (
        globalThis as unknown as {
          chrome: {
            storage: Record<string, { get(keys: null): Promise<Record<string, unknown>> }>;
          };
        }
      ).chrome.storage[name]?.get(null) ?? {},
    area,
  );
}
