const USER_DATA = 'user data';

/** The segment page's "User Data" dropdown: its menu button and the menu it opens. */
export interface UserDataMenu {
  trigger: HTMLElement;
  menu: HTMLElement;
}

/**
 * Finds the "User Data" dropdown: a button reading "User Data" and the `role="menu"` element
 * it controls (`aria-controls`) or that sits beside it. Null when the page has none.
 */
export function findUserDataMenu(document: Document = globalThis.document): UserDataMenu | null {
  for (const trigger of document.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    if (trigger.textContent?.replace(/\s+/g, ' ').trim().toLowerCase() !== USER_DATA) continue;
    const menu = controlledMenu(trigger, document);
    if (menu) return { trigger, menu };
  }
  return null;
}

/**
 * Closes an open dropdown as a person would, with its menu button (the WAI-ARIA menu button
 * pattern the dashboard follows), and gives the button focus back so keyboard users stay in
 * place. A dropdown that does not say it is open is left alone.
 */
export function closeUserDataMenu({ trigger }: UserDataMenu): void {
  if (trigger.getAttribute('aria-expanded') !== 'true') return;
  trigger.click();
  trigger.focus();
}

function controlledMenu(trigger: HTMLElement, document: Document): HTMLElement | null {
  const id = trigger.getAttribute('aria-controls');
  const controlled = id ? document.getElementById(id) : null;
  if (controlled?.getAttribute('role') === 'menu') return controlled;
  return trigger.parentElement?.querySelector<HTMLElement>(':scope > [role="menu"]') ?? null;
}
