import { describe, expect, it } from 'vitest';
import {
  closeUserDataMenu,
  findUserDataMenu,
} from '../../../../extension/segment-page/user-data-menu.ts';
import { segmentPageDocument } from './segment-page-fixture.ts';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('findUserDataMenu', () => {
  it('finds the User Data button and the menu it controls on a segment page', () => {
    const document = segmentPageDocument();
    expect(findUserDataMenu(document)).toEqual({
      trigger: document.querySelector('[aria-controls="user-data-menu"]'),
      menu: document.getElementById('user-data-menu'),
    });
  });

  it('is null on a page without a User Data button', () => {
    const document = segmentPageDocument();
    document.querySelector('[aria-controls="user-data-menu"]')?.remove();
    expect(findUserDataMenu(document)).toBeNull();
  });

  it('is null while the controlled menu is not rendered', () => {
    const document = segmentPageDocument();
    document.getElementById('user-data-menu')?.remove();
    expect(findUserDataMenu(document)).toBeNull();
  });

  it('ignores other menus, even ones that precede it', () => {
    const document = page(`
      <button aria-controls="other">Actions</button><ul id="other" role="menu"></ul>
      <button aria-controls="data">User Data</button><ul id="data" role="menu"></ul>`);
    expect(findUserDataMenu(document)?.menu.id).toBe('data');
  });

  it('does not take a controlled element that is not a menu', () => {
    const document = page(`<button aria-controls="panel">User Data</button><div id="panel"></div>`);
    expect(findUserDataMenu(document)).toBeNull();
  });

  it('falls back to the menu beside a button that names none', () => {
    const document = page(`
      <div><span role="button" tabindex="0"> user
        DATA </span><div role="menu" id="beside"></div></div>`);
    expect(findUserDataMenu(document)?.menu.id).toBe('beside');
  });

  it('matches the whole label, not a part of it', () => {
    const document = page(
      `<button aria-controls="m">Export User Data</button><ul id="m" role="menu"></ul>`,
    );
    expect(findUserDataMenu(document)).toBeNull();
  });
});

describe('closeUserDataMenu', () => {
  /** The fixture page with the dashboard's toggle behaviour wired in. */
  function dropdown() {
    const document = segmentPageDocument();
    const found = findUserDataMenu(document);
    if (!found) throw new Error('fixture has no dropdown');
    const { trigger, menu } = found;
    trigger.addEventListener('click', () => {
      menu.hidden = !menu.hidden;
      trigger.setAttribute('aria-expanded', String(!menu.hidden));
    });
    return { document, ...found };
  }

  it('closes an open menu with its button and returns focus to the button', () => {
    const { document, trigger, menu } = dropdown();
    trigger.click();
    expect(menu.hidden).toBe(false);
    closeUserDataMenu({ trigger, menu });
    expect(menu.hidden).toBe(true);
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(trigger);
  });

  it('leaves a closed menu closed', () => {
    const { trigger, menu } = dropdown();
    closeUserDataMenu({ trigger, menu });
    expect(menu.hidden).toBe(true);
  });
});
