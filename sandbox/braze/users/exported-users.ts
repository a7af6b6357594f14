import type { Segment } from '../segments/segment.ts';
import { type Projection, userProjection } from './export-fields.ts';
import { segmentUsers } from './segment-users.ts';
import type { BrazeUser } from './user.ts';

/**
 * The user objects a segment export writes, in file order. The emulator's archive uses this
 * very function, so tests can compute exactly what a download must contain.
 */
export function* exportedUsers(
  seed: string,
  segment: Pick<Segment, 'apiId' | 'size'>,
  projection: Projection,
  start = 0,
  end = segment.size,
): Generator<Partial<BrazeUser>> {
  const fields = new Set([...projection.fields_to_export, 'custom_attributes']);
  const project = userProjection(projection);
  for (const user of segmentUsers(seed, segment).iterate(start, end, fields)) {
    yield project(user);
  }
}
