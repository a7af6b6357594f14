import { findApiIdentifier } from './find-api-identifier.ts';
import { MAX_SEGMENT_NAME, type Segment, type SegmentLocation } from './segment.ts';

/**
 * Reads the segment shown on its dashboard page: the name from the first `<h1>` (as text,
 * never markup) and the API identifier once the page has rendered it. Null until the name
 * is on the page, since the dashboard renders client-side.
 */
export function readSegmentPage(
  location: SegmentLocation,
  document: Document = globalThis.document,
): Segment | null {
  const name = (document.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!name) return null;
  const apiIdentifier = document.body ? findApiIdentifier(document.body) : undefined;
  return {
    ...location,
    name: name.length > MAX_SEGMENT_NAME ? [...name].slice(0, MAX_SEGMENT_NAME).join('') : name,
    ...(apiIdentifier ? { apiIdentifier } : {}),
  };
}
