import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Segment } from '../../../../extension/segment-page/segment.ts';

/** The segment the saved page shows, as read on a real dashboard (the URL is not in the HTML). */
export const FIXTURE_SEGMENT: Readonly<Required<Segment>> = {
  host: 'dashboard-01.braze.com',
  segmentId: '64b7f1c2a9e3d4f5a6b7c8d9',
  workspaceId: '5f1e3c9a2b4d6e8f0a1b2c3d',
  name: 'Lapsed VIP Buyers',
  apiIdentifier: '7d2c1e0b-4a5f-4c3e-9b8a-1f2e3d4c5b6a',
};

export const FIXTURE_PATH = `/engagement/segmenter/edit/${FIXTURE_SEGMENT.segmentId}/${FIXTURE_SEGMENT.workspaceId}`;

/** Where the saved page lives on the real dashboard. */
export const FIXTURE_URL = `https://${FIXTURE_SEGMENT.host}${FIXTURE_PATH}?locale=en`;

// A path, not a URL: under happy-dom `URL` is the DOM's, which node:fs does not accept.
const html = readFileSync(
  join(import.meta.dirname, '../../../fixtures/braze/segment-page.html'),
  'utf8',
);

/** The saved segment page as its own document (nothing in it runs). */
export function segmentPageDocument(): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Puts the saved page's body into the test window, as if the dashboard had rendered it. */
export function renderSegmentPage(document: Document = globalThis.document): void {
  document.body.replaceWith(document.importNode(segmentPageDocument().body, true));
}
