import { findApiIdentifier } from './find-api-identifier.ts';
import { MAX_SEGMENT_NAME, type Segment, type SegmentLocation } from './segment.ts';

/**
 * The segment's name: the first `<h1>`'s text (never markup), or null until the
 * client-side rendered dashboard has put it on the page.
 */
export function readSegmentName(document: Document = globalThis.document): string | null {
  const name = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return null;
  return name.length > MAX_SEGMENT_NAME ? [...name].slice(0, MAX_SEGMENT_NAME).join('') : name;
}

/**
 * Reads the segment shown on its dashboard page: its name and, once the page has rendered
 * it, its API identifier. Null until the name is on the page. Searching for the identifier
 * walks the whole page, so this is for when the segment is needed, not for every change.
 */
export function readSegmentPage(
  location: SegmentLocation,
  document: Document = globalThis.document,
): Segment | null {
  const name = readSegmentName(document);
  if (!name) return null;
  const apiIdentifier = document.body ? findApiIdentifier(document.body) : undefined;
  return { ...location, name, ...(apiIdentifier ? { apiIdentifier } : {}) };
}
