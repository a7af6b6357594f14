import type { ExportSource } from '../../exports/export-source.ts';
import { en } from '../../i18n/en.ts';
import type { SelectedSegment } from '../../segment-selection/selected-segment-storage.ts';

/** A dashboard segment as an export source; the same page and workspace find it again. */
export function segmentSource(segment: SelectedSegment): ExportSource {
  const name = segment.name;
  const key = `${segment.host}/${segment.workspaceId}/${segment.segmentId}`;
  return segment.apiIdentifier
    ? {
        name,
        key,
        request: { kind: 'braze', segmentId: segment.apiIdentifier, segmentName: segment.name },
      }
    : { name, key, request: null, unavailable: en.exports.noApiIdentifier };
}
