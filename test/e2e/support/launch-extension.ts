import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';
import { DEV_EXTENSION_ID } from '../../../shared/dev-extension-key.ts';

/** `npm run build:dev` output: the only build that carries the fixed dev extension id. */
export const DEV_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3-dev');

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The extension's background service worker, for reading its storage. */
  serviceWorker: Worker;
  extensionId: string;
  /**
   * Opens the toolbar popup over the window's active tab, as a click on the extension's
   * button does, and resolves with it once it has loaded. Close it before opening another.
   */
  openPopup(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  executablePath?: string;
  /** More Chromium switches, e.g. `--host-resolver-rules` to give loopback a custom name. */
  args?: string[];
}

/**
 * Headless Debian Chromium with the built extension loaded, in a throwaway profile. Resolves
 * once the extension's service worker runs; fails (after closing the browser) unless the
 * extension has the dev id that redirect URIs and CORS allowlists are made for.
 */
export async function launchExtension({
  extensionDir = DEV_BUILD_DIR,
  executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args = [],
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
        // A loopback DevTools port as well as Playwright's pipe: see `openPopup`.
        '--remote-debugging-port=0',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...args,
      ],
    });
  } catch (error) {
    await discard();
    throw error;
  }
  const devToolsConnections = new Set<Browser>();
  const close = async () => {
    await Promise.all([...devToolsConnections].map((connection) => connection.close()));
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
    const openPopup = () =>
      openActionPopup({ profile, serviceWorker, extensionId, connections: devToolsConnections });
    return { context, serviceWorker, extensionId, openPopup, close };
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

interface PopupOptions {
  profile: string;
  serviceWorker: Worker;
  extensionId: string;
  /** Open DevTools connections, each closed with its popup (or with the browser). */
  connections: Set<Browser>;
}

/**
 * Playwright does not attach to action popups, and a DevTools connection only sees the
 * popups open when it connects: so each popup gets its own connection, over the loopback
 * port the browser was started with, made once the popup exists.
 */
async function openActionPopup({
  profile,
  serviceWorker,
  extensionId,
  connections,
}: PopupOptions): Promise<Page> {
  await serviceWorker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
    ).chrome.action.openPopup(),
  );
  const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
  const popupUrl = `chrome-extension://${extensionId}/popup.html`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    const popup = connection
      .contexts()
      .flatMap((context) => context.pages())
      .find((page) => page.url() === popupUrl);
    if (popup) {
      connections.add(connection);
      popup.once('close', () => {
        connections.delete(connection);
        void connection.close();
      });
      await popup.waitForLoadState();
      return popup;
    }
    await connection.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The toolbar popup did not open.');
}
