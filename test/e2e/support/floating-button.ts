import type { Locator, Page } from 'playwright-core';

/** The extension's fallback action, inside its shadow root (Playwright pierces open ones). */
export function floatingExportButton(page: Page): Locator {
  return page
    .locator('audience-relay-export')
    .getByRole('button', { name: 'Export as Facebook Audience' });
}

/** Takes the sandbox page's User Data menu away, so the extension falls back to its button. */
export async function removeUserDataMenu(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('.user-data')?.remove());
}

/** `fixed` only once the button's stylesheet reached its shadow root; `static` without it. */
export function cssPosition(button: Locator): Promise<string> {
  return button.evaluate((element) => getComputedStyle(element).position);
}
