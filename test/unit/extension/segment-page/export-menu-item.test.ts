import { describe, expect, it, vi } from 'vitest';
import { placeExportMenuItem } from '../../../../extension/segment-page/export-menu-item.ts';
import type { Segment } from '../../../../extension/segment-page/segment.ts';
import { FIXTURE_SEGMENT, segmentPageDocument } from './segment-page-fixture.ts';

const segment: Segment = FIXTURE_SEGMENT;

function userDataMenu(document = segmentPageDocument()): HTMLElement {
  const menu = document.getElementById('user-data-menu');
  if (!menu) throw new Error('fixture has no menu');
  return menu;
}

function menu(html: string): HTMLElement {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const found = document.querySelector<HTMLElement>('[role="menu"]');
  if (!found) throw new Error('no menu in html');
  return found;
}

describe('placeExportMenuItem', () => {
  it('adds the item last, dressed like the menu’s own items', () => {
    const list = userDataMenu();
    const item = placeExportMenuItem(list, segment, () => {});
    expect(list.lastElementChild).toBe(item);
    expect(item.tagName).toBe('LI');
    expect(item.getAttribute('role')).toBe('none');
    expect(item.className).toBe('dd-row');
    const button = item.querySelector('button');
    expect(button?.textContent).toBe('Export as Facebook Audience');
    expect(button?.getAttribute('role')).toBe('menuitem');
    expect(button?.className).toBe('dd-item');
    expect(button?.type).toBe('button');
  });

  it('is reachable from the keyboard like its siblings', () => {
    const document = segmentPageDocument();
    const button = placeExportMenuItem(userDataMenu(document), segment, () => {}).querySelector(
      'button',
    );
    // The dashboard moves focus between its items (tabindex -1); ours takes part the same way.
    expect(button?.getAttribute('tabindex')).toBe('-1');
    button?.focus();
    expect(document.activeElement).toBe(button);
    expect([...document.querySelectorAll('#user-data-menu [role="menuitem"]')].at(-1)).toBe(button);
  });

  it('reports activation', () => {
    const onActivate = vi.fn();
    placeExportMenuItem(userDataMenu(), segment, onActivate).querySelector('button')?.click();
    expect(onActivate).toHaveBeenCalledOnce();
  });

  it('names the segment it exports in its tooltip and follows a new segment', () => {
    const list = userDataMenu();
    const item = placeExportMenuItem(list, segment, () => {});
    expect(item.querySelector('button')?.title).toContain('“Lapsed VIP Buyers”');
    placeExportMenuItem(list, { ...segment, name: 'Churn risk' }, () => {});
    expect(item.querySelector('button')?.title).toContain('“Churn risk”');
  });

  it('is added only once however often it is placed', () => {
    const list = userDataMenu();
    const first = placeExportMenuItem(list, segment, () => {});
    expect(placeExportMenuItem(list, segment, () => {})).toBe(first);
    expect(list.querySelectorAll('[role="menuitem"]')).toHaveLength(3);
  });

  it('shows a hostile segment name as text', () => {
    const list = userDataMenu();
    const name = '<img src=x onerror="window.__xss=1">';
    const item = placeExportMenuItem(list, { ...segment, name }, () => {});
    expect(item.querySelector('button')?.title).toContain(name);
    expect(list.querySelector('img')).toBeNull();
  });

  it('adds a bare menu item to a menu of bare items', () => {
    const bare = menu(
      `<div role="menu"><button role="menuitem" class="x">A</button><button role="menuitem" class="x">B</button></div>`,
    );
    const item = placeExportMenuItem(bare, segment, () => {});
    expect(item.tagName).toBe('BUTTON');
    expect(item.className).toBe('x');
    expect(bare.lastElementChild).toBe(item);
  });

  it('goes after the last item of a grouped menu', () => {
    const grouped = menu(
      `<ul role="menu"><li role="group"><ul><li role="none"><a role="menuitem" href="#">A</a></li></ul></li><li role="separator"></li></ul>`,
    );
    const item = placeExportMenuItem(grouped, segment, () => {});
    expect(item.previousElementSibling?.textContent).toBe('A');
    expect(item.querySelector('button')?.getAttribute('role')).toBe('menuitem');
  });

  it('falls back to a list item in an empty list menu', () => {
    const empty = menu(`<ul role="menu"></ul>`);
    const item = placeExportMenuItem(empty, segment, () => {});
    expect(item.outerHTML).toMatch(/^<li role="none"/);
    expect(empty.children).toHaveLength(1);
  });
});
