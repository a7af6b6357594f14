import { deriveHex, deriveUuid } from '../ids.ts';

/** What a test or the demo says a segment is; the emulator derives every id from the seed. */
export interface SegmentDefinition {
  /** Stable handle (unique per workspace) the ids derive from, e.g. `vip`. */
  key: string;
  name: string;
  /** How many users the segment holds; they are generated on demand, never stored. */
  size: number;
  /** Braze's human-readable summary of the filters. */
  description?: string;
  /** The free text a marketer typed. */
  textDescription?: string;
  tags?: string[];
  teams?: string[];
  analyticsTrackingEnabled?: boolean;
  /** Archived segments exist but are left out of lists. */
  archived?: boolean;
}

export interface Segment extends Required<SegmentDefinition> {
  /** The 24-hex object id the dashboard puts in URLs; the REST API does not know it. */
  internalId: string;
  /** The Segment API identifier (a UUID) the REST API takes as `segment_id`. */
  apiId: string;
  /** ISO 8601 with an explicit offset, as `/segments/details` shows it. */
  createdAt: string;
  updatedAt: string;
}

const FIRST_CREATED = Date.UTC(2024, 0, 15, 9, 30, 0);
const DAY_MS = 86_400_000;

/** Gives a definition its deterministic ids and dates; `position` orders creation times. */
export function buildSegment(
  seed: string,
  definition: SegmentDefinition,
  position: number,
): Segment {
  if (!Number.isSafeInteger(definition.size) || definition.size < 0) {
    throw new RangeError(`Segment ${definition.key} needs a whole, non-negative size.`);
  }
  const created = FIRST_CREATED + position * DAY_MS + (position % 7) * 3_600_000;
  return {
    description: '',
    textDescription: '',
    tags: [],
    teams: [],
    analyticsTrackingEnabled: false,
    archived: false,
    ...definition,
    internalId: deriveHex(seed, ['segment', definition.key]),
    apiId: deriveUuid(seed, ['segment-api-id', definition.key]),
    createdAt: brazeTimestamp(created),
    updatedAt: brazeTimestamp(created + (position % 3) * DAY_MS),
  };
}

function brazeTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
