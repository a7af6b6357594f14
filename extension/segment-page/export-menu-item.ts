import { describeExport, EXPORT_LABEL } from './export-action-label.ts';
import type { Segment } from './segment.ts';

/** Marks the item this extension added, so it is found again instead of added twice. */
const MARKER = 'data-audience-relay-export';

/**
 * Makes sure the menu ends with an **Export as Facebook Audience** item for this segment
 * and returns it. The item copies the classes and focus order of the menu's own items so
 * it looks and tabs like them; it is a real `<button>`, so Enter and Space activate it.
 */
export function placeExportMenuItem(
  menu: HTMLElement,
  segment: Segment,
  onActivate: () => void,
): HTMLElement {
  const item = menu.querySelector<HTMLElement>(`[${MARKER}]`) ?? addItem(menu, onActivate);
  const button = item.matches('[role="menuitem"]')
    ? item
    : item.querySelector<HTMLElement>('[role="menuitem"]');
  const description = describeExport(segment);
  if (button && button.title !== description) button.title = description;
  return item;
}

function addItem(menu: HTMLElement, onActivate: () => void): HTMLElement {
  const document = menu.ownerDocument;
  const siblings = menu.querySelectorAll<HTMLElement>('[role="menuitem"]');
  const sample = siblings[siblings.length - 1];

  const button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('role', 'menuitem');
  button.textContent = EXPORT_LABEL;
  button.addEventListener('click', onActivate);
  if (sample) copyLook(sample, button);

  // Wrap the button the way the menu wraps its own items (`<li role="none">` in a list).
  const sampleWrapper = sample && sample.parentElement !== menu ? sample.parentElement : null;
  const wrapperTag = sampleWrapper?.tagName ?? (/^[OU]L$/.test(menu.tagName) ? 'li' : null);
  const item = wrapperTag ? document.createElement(wrapperTag) : button;
  if (item !== button) {
    if (sampleWrapper) copyLook(sampleWrapper, item);
    else item.setAttribute('role', 'none');
    item.append(button);
  }
  item.setAttribute(MARKER, '');

  const slot = sampleWrapper ?? sample;
  if (slot) slot.after(item);
  else menu.append(item);
  return item;
}

function copyLook(from: HTMLElement, to: HTMLElement): void {
  if (from.className) to.className = from.className;
  for (const name of ['role', 'tabindex']) {
    const value = from.getAttribute(name);
    if (value !== null) to.setAttribute(name, value);
  }
}
