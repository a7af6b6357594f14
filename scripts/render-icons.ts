import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ICON_SIZES, iconPath } from '../extension/icons/icon-sizes.ts';

/**
 * `npm run icons`: renders extension/icons/toolbar-icon.svg into the PNGs the manifest names,
 * with the Chromium the e2e tests use (no image library to install). Run it after editing
 * the SVG and commit the PNGs.
 */
const ROOT = join(import.meta.dirname, '..');
const svg = await readFile(join(ROOT, 'extension/icons/toolbar-icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of ICON_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    await writeFile(join(ROOT, 'extension/public', iconPath(size)), png);
    process.stdout.write(`extension/public/${iconPath(size)}\n`);
  }
} finally {
  await browser.close();
}
