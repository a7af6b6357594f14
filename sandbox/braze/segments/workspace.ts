import { deriveHex } from '../ids.ts';
import { buildSegment, type Segment, type SegmentDefinition } from './segment.ts';

/** One Braze workspace ("app group"): its id and its segments, all derived from a seed. */
export interface Workspace {
  seed: string;
  /** The 24-hex `app_group_id` in dashboard URLs. */
  id: string;
  /** In creation order, archived ones included. */
  segments: readonly Segment[];
  byInternalId(internalId: string): Segment | undefined;
  byApiId(apiId: string): Segment | undefined;
}

export function createWorkspace(
  seed: string,
  definitions: readonly SegmentDefinition[],
): Workspace {
  const keys = new Set(definitions.map((definition) => definition.key));
  if (keys.size !== definitions.length) throw new Error('Segment keys must be unique.');
  const segments = definitions.map((definition, position) =>
    buildSegment(seed, definition, position),
  );
  const internal = new Map(segments.map((segment) => [segment.internalId, segment]));
  const api = new Map(segments.map((segment) => [segment.apiId, segment]));
  return {
    seed,
    id: deriveHex(seed, ['workspace']),
    segments,
    byInternalId: (internalId) => internal.get(internalId),
    byApiId: (apiId) => api.get(apiId),
  };
}
