/** Where a segment page is: its dashboard host and the two ids in its URL. */
export interface SegmentLocation {
  /** Dashboard host with its port, e.g. `dashboard-01.braze.com` or `127.0.0.1:5173`. */
  host: string;
  /** The dashboard's internal 24-hex segment id (not usable with the REST API). */
  segmentId: string;
  /** The 24-hex workspace (app group) id. */
  workspaceId: string;
}

/** A segment as read from its dashboard page. */
export interface Segment extends SegmentLocation {
  /** The segment's name: page text, so never trusted as markup. */
  name: string;
  /** The Segment API identifier (a UUID) shown at the bottom of the page, once rendered. */
  apiIdentifier?: string;
}

/** Dashboard object ids are 24 lowercase hex digits (MongoDB ObjectIds). */
export const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Braze API identifiers are UUID-shaped; the version nibble is not checked. */
export const API_IDENTIFIER = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Longest segment name accepted; far above anything a dashboard shows. */
export const MAX_SEGMENT_NAME = 1000;

/** Whether two locations are the same segment page (host, segment and workspace). */
export function isSameLocation(a: SegmentLocation, b: SegmentLocation): boolean {
  return a.host === b.host && a.segmentId === b.segmentId && a.workspaceId === b.workspaceId;
}
