import { describe, expect, it } from 'vitest';
import { findUserDataMenu } from '../../../../extension/segment-page/find-user-data-menu.ts';
import { segmentPageDocument } from './segment-page-fixture.ts';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('findUserDataMenu', () => {
  it('finds the menu the User Data button controls on a segment page', () => {
    const document = segmentPageDocument();
    expect(findUserDataMenu(document)).toBe(document.getElementById('user-data-menu'));
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
    expect(findUserDataMenu(document)?.id).toBe('data');
  });

  it('does not take a controlled element that is not a menu', () => {
    const document = page(`<button aria-controls="panel">User Data</button><div id="panel"></div>`);
    expect(findUserDataMenu(document)).toBeNull();
  });

  it('falls back to the menu beside a button that names none', () => {
    const document = page(`
      <div><span role="button" tabindex="0"> user
        DATA </span><div role="menu" id="beside"></div></div>`);
    expect(findUserDataMenu(document)?.id).toBe('beside');
  });

  it('matches the whole label, not a part of it', () => {
    const document = page(
      `<button aria-controls="m">Export User Data</button><ul id="m" role="menu"></ul>`,
    );
    expect(findUserDataMenu(document)).toBeNull();
  });
});
