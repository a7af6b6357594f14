import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach } from 'vitest';

/** Where e2e runs leave screenshots for people (and CI) to look at; gitignored. */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

/** Saves a full-page screenshot as `test-results/e2e/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * After each failed test of the file, saves what the page showed as
 * `<prefix>/failed-<test name>.png`. Call at the top level of the file.
 */
export function screenshotFailures(prefix: string, page: () => Page | undefined): void {
  afterEach(async ({ task }) => {
    const current = page();
    if (task.result?.state !== 'fail' || !current || current.isClosed()) return;
    const name = task.name.replace(/[^\w-]+/g, '-').slice(0, 80);
    await saveScreenshot(current, `${prefix}/failed-${name}`);
  });
}
