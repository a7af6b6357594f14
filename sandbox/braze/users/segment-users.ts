import type { Segment } from '../segments/segment.ts';
import { generateUser } from './generate-user.ts';
import { hash32 } from './random.ts';
import type { BrazeUser } from './user.ts';

/** The users of one segment, generated on demand: never stored, never all in memory. */
export interface SegmentUsers {
  size: number;
  /** The number user ids of this segment encode. */
  segmentKey: number;
  /** User `index` (0 ≤ index < size), computed alone: user 2,999,999 needs no other user. */
  at(index: number): BrazeUser;
  /** Users `start` to `end - 1`, one at a time; `fields` lets it skip what is not wanted. */
  iterate(start?: number, end?: number, fields?: ReadonlySet<string>): Generator<BrazeUser>;
}

export function seedHashOf(seed: string): number {
  return hash32(seed, 'users');
}

export function segmentKeyOf(seed: string, segmentApiId: string): number {
  return hash32(seed, 'segment-key', segmentApiId);
}

/** User i of segment s under a seed is a pure function of the three. */
export function segmentUsers(seed: string, segment: Pick<Segment, 'apiId' | 'size'>): SegmentUsers {
  const seedHash = seedHashOf(seed);
  const segmentKey = segmentKeyOf(seed, segment.apiId);
  const at = (index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= segment.size) {
      throw new RangeError(`User ${index} is outside a segment of ${segment.size}.`);
    }
    return generateUser(seedHash, { segmentKey, index });
  };
  return {
    size: segment.size,
    segmentKey,
    at,
    *iterate(start = 0, end = segment.size, fields) {
      for (let index = Math.max(0, start); index < Math.min(end, segment.size); index += 1) {
        yield generateUser(seedHash, { segmentKey, index }, fields);
      }
    },
  };
}
