import type { Segment } from './segment.ts';

/** The action's visible label, the same wherever it is placed. */
export const EXPORT_LABEL = 'Export as Facebook Audience';

/** Tooltip naming the segment the action will export, so SPA navigation shows in it. */
export function describeExport(segment: Segment): string {
  return `Export the segment “${segment.name}” to a Facebook Custom Audience`;
}
