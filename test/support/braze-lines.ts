import { DEMO_SEED } from '../../sandbox/braze/demo.ts';
import type { Segment } from '../../sandbox/braze/segments/segment.ts';
import { exportedUsers } from '../../sandbox/braze/users/exported-users.ts';
import { USER_TEXT_FIELDS } from '../../shared/column-mapping.ts';

/**
 * What a Braze export asks for when it feeds an export: every standard field a user field
 * reads, the devices, and the custom attributes holding state, ZIP and consent.
 */
export const BRAZE_EXPORT_PROJECTION = {
  fields_to_export: [
    ...USER_TEXT_FIELDS.filter((field) => field !== 'state' && field !== 'zip'),
    'devices',
  ],
  custom_attributes_to_export: ['state', 'zip_code', 'do_not_sell_or_share', 'opted_in_marketing'],
};

/** Users `start` to `end - 1` of a demo segment, as the Braze emulator exports them. */
export function brazeUsers(
  segment: Pick<Segment, 'apiId' | 'size'>,
  start = 0,
  end = segment.size,
) {
  return [...exportedUsers(DEMO_SEED, segment, BRAZE_EXPORT_PROJECTION, start, end)];
}

/** The same users as the NDJSON text of a Braze export file. */
export function brazeNdjson(
  segment: Pick<Segment, 'apiId' | 'size'>,
  start?: number,
  end?: number,
) {
  return brazeUsers(segment, start, end)
    .map((user) => JSON.stringify(user))
    .join('\n');
}
