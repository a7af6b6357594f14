const LABEL = /API Identifier/i;
const UUID =
  /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/i;
/** How many ancestors of the label may hold its value; more would reach unrelated UUIDs. */
const NEARBY_LEVELS = 3;

/**
 * The Segment API identifier Braze prints "at the bottom of the individual segment page":
 * the first UUID after an "API Identifier" label, in the label's closest enclosing element
 * that has one. Real markup is undocumented, so only the text is relied on.
 */
export function findApiIdentifier(root: Node): string | undefined {
  const document = root.ownerDocument ?? (root as Document);
  const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = texts.nextNode(); text; text = texts.nextNode()) {
    if (!LABEL.test(text.nodeValue ?? '')) continue;
    let scope = text.parentElement;
    for (let level = 0; scope && level < NEARBY_LEVELS; level++, scope = scope.parentElement) {
      const content = scope.textContent ?? '';
      const value = UUID.exec(content.slice(content.search(LABEL)));
      if (value) return value[0].toLowerCase();
    }
  }
  return undefined;
}
