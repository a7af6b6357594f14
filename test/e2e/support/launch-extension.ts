import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { DEV_EXTENSION_ID } from '../../../shared/dev-extension-key.ts';

/** `npm run build:dev` output: the only build that carries the fixed dev extension id. */
export const DEV_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-dev');

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker, for reading its storage. */
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  executablePath?: string;
}

/**
 * Headless Debian Chromium with the built extension loaded, in a throwaway profile. Resolves
 * once the extension's service worker runs; fails (after closing the browser) unless the
 * extension has the dev id that redirect URIs and CORS allowlists are made for.
 */
export async function launchExtension({
  extensionDir = DEV_BUILD_DIR,
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
}: LaunchOptions = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build in ${extensionDir}: run \`npm run build:dev\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'audience-relay-e2e-'));
  const discard = () => rm(profile, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        // Root in a container: no user namespaces for the sandbox, no GPU.
        '--no-sandbox',
        '--disable-gpu',
        // No network beyond loopback: keep Chromium from calling home.
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
  } catch (error) {
    await discard();
    throw error;
  }
  const close = async () => {
    await context.close();
    await discard();
  };
  try {
    const serviceWorker = await extensionServiceWorker(context);
    const extensionId = new URL(serviceWorker.url()).host;
    if (extensionId !== DEV_EXTENSION_ID) {
      throw new Error(
        `The extension loaded as ${extensionId}, not ${DEV_EXTENSION_ID}: is ${extensionDir} a dev build?`,
      );
    }
    return { context, serviceWorker, extensionId, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  return (
    context.serviceWorkers().find(isExtension) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtension }))
  );
}
