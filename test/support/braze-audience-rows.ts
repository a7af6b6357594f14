import { isTruthy } from '../../proxy/sources/truthy.ts';
import { DEMO_SEED } from '../../sandbox/braze/demo.ts';
import type { Segment } from '../../sandbox/braze/segments/segment.ts';
import { exportedUsers } from '../../sandbox/braze/users/exported-users.ts';
import { matchKeyValue } from '../../shared/match-keys.ts';

/**
 * What Meta must hold after exporting a demo Braze segment with the default consent: the
 * segment's users as Braze exports them, opted-out ones left out, one hashed row each, sorted.
 */
export function expectedAudienceRows(
  segment: Segment,
  key: 'EMAIL' | 'PHONE',
  field: 'email' | 'phone',
): string[][] {
  const users = exportedUsers(DEMO_SEED, segment, {
    fields_to_export: ['country', field],
    custom_attributes_to_export: ['do_not_sell_or_share'],
  });
  const rows: string[][] = [];
  for (const user of users) {
    if (isTruthy(user.custom_attributes?.do_not_sell_or_share)) continue;
    const raw = user[field];
    const value =
      typeof raw === 'string'
        ? matchKeyValue(key, raw, { defaultCountry: user.country ?? undefined })
        : null;
    if (value !== null) rows.push([value]);
  }
  return rows.sort();
}
