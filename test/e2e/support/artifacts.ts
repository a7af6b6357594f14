import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** Where e2e runs leave screenshots for people (and CI) to look at; gitignored. */
export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../test-results/e2e');

/** Saves a full-page screenshot as `test-results/e2e/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const path = resolve(ARTIFACTS_DIR, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}
