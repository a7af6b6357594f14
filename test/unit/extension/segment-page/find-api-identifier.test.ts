import { describe, expect, it } from 'vitest';
import { findApiIdentifier } from '../../../../extension/segment-page/find-api-identifier.ts';

const ID = '3b2b6e21-9c4d-4e5f-8a7b-6c5d4e3f2a1b';
const OTHER = '0f8fad5b-d9cb-469f-a165-70867728950e';

function body(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

describe('findApiIdentifier', () => {
  it.each([
    [
      'a label and a code element',
      `<footer><span>API Identifier</span> <code>${ID}</code></footer>`,
    ],
    ['a description list', `<dl><dt>API Identifier</dt><dd><code>${ID}</code></dd></dl>`],
    ['one line of text', `<p>Segment API Identifier: ${ID}</p>`],
    [
      'a value two levels from its label',
      `<div><div><b>API Identifier</b></div><div><span><code>${ID}</code></span></div></div>`,
    ],
    ['a differently cased label', `<p>api identifier <code>${ID.toUpperCase()}</code></p>`],
  ])('finds the UUID next to its label in %s', (_, html) => {
    expect(findApiIdentifier(body(html))).toBe(ID);
  });

  it('skips UUIDs printed before the label', () => {
    const html = `<footer><p>Request ${OTHER}</p><p>API Identifier</p><code>${ID}</code></footer>`;
    expect(findApiIdentifier(body(html))).toBe(ID);
  });

  it('ignores UUIDs far away from the label', () => {
    const html = `<main><div><div><div><span>API Identifier</span></div></div></div><code>${OTHER}</code></main>`;
    expect(findApiIdentifier(body(html))).toBeUndefined();
  });

  it('uses the next label when the first has no value near it', () => {
    const html = `<aside><div><div><p>Where is my API Identifier?</p></div></div></aside><p>Request ${OTHER}</p><footer>API Identifier <code>${ID}</code></footer>`;
    expect(findApiIdentifier(body(html))).toBe(ID);
  });

  it('does not take part of a longer hex run for a UUID', () => {
    expect(findApiIdentifier(body(`<p>API Identifier a${ID}</p>`))).toBeUndefined();
    expect(findApiIdentifier(body(`<p>API Identifier ${ID}0</p>`))).toBeUndefined();
  });

  it('is undefined without a label', () => {
    expect(findApiIdentifier(body(`<footer><code>${ID}</code></footer>`))).toBeUndefined();
  });
});
