const USER_DATA = 'user data';

/**
 * The dashboard's "User Data" dropdown menu: the `role="menu"` element that a button reading
 * "User Data" controls (`aria-controls`), or that sits beside it. Null when the page has none.
 */
export function findUserDataMenu(document: Document = globalThis.document): HTMLElement | null {
  for (const trigger of document.querySelectorAll<HTMLElement>('button, [role="button"]')) {
    if (trigger.textContent?.replace(/\s+/g, ' ').trim().toLowerCase() !== USER_DATA) continue;
    const menu = controlledMenu(trigger, document);
    if (menu) return menu;
  }
  return null;
}

function controlledMenu(trigger: HTMLElement, document: Document): HTMLElement | null {
  const id = trigger.getAttribute('aria-controls');
  const controlled = id ? document.getElementById(id) : null;
  if (controlled?.getAttribute('role') === 'menu') return controlled;
  return trigger.parentElement?.querySelector<HTMLElement>(':scope > [role="menu"]') ?? null;
}
