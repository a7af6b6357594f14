import type { BrazeUser } from './user.ts';

/** `fields_to_export` values `/users/export/segment` accepts (reference §1.4, newest docs). */
export const SEGMENT_EXPORT_FIELDS = [
  'apps',
  'attributed_campaign',
  'attributed_source',
  'attributed_adgroup',
  'attributed_ad',
  'push_subscribe',
  'email_subscribe',
  'braze_id',
  'country',
  'created_at',
  'created_from',
  'custom_attributes',
  'custom_events',
  'devices',
  'dob',
  'email',
  'external_id',
  'first_name',
  'gender',
  'home_city',
  'language',
  'last_coordinates',
  'last_name',
  'phone',
  'purchases',
  'push_tokens',
  'random_bucket',
  'time_zone',
  'total_revenue',
  'uninstalled_at',
  'user_aliases',
] as const;

/** `/users/export/ids` also takes these (they opt a request out of the faster rate limit). */
export const IDS_EXPORT_FIELDS = [
  ...SEGMENT_EXPORT_FIELDS,
  'campaigns_received',
  'canvases_received',
  'cards_clicked',
] as const;

export type ExportField = (typeof IDS_EXPORT_FIELDS)[number];

export interface Projection {
  fields_to_export: readonly string[];
  /** Named custom attributes; ignored when `custom_attributes` is among the fields. */
  custom_attributes_to_export?: readonly string[];
}

/**
 * Keeps exactly the requested fields, and only those the user has: Braze writes "the least
 * data possible", so a missing value is a missing key.
 */
export function projectUser(user: BrazeUser, projection: Projection): Partial<BrazeUser> {
  return userProjection(projection)(user);
}

/** `projectUser` for one projection and many users: what is wanted is worked out once. */
export function userProjection(projection: Projection): (user: BrazeUser) => Partial<BrazeUser> {
  const wanted = new Set(projection.fields_to_export);
  const allAttributes = wanted.has('custom_attributes');
  const namedAttributes = projection.custom_attributes_to_export ?? [];
  return (user) => {
    const out: Record<string, unknown> = {};
    for (const field in user) {
      if (field !== 'custom_attributes' && wanted.has(field)) {
        out[field] = user[field as keyof BrazeUser];
      }
    }
    const attributes = user.custom_attributes;
    if (attributes && allAttributes) {
      out.custom_attributes = attributes;
    } else if (attributes && namedAttributes.length > 0) {
      const picked: Record<string, unknown> = {};
      let found = false;
      for (const name of namedAttributes) {
        if (!Object.hasOwn(attributes, name)) continue;
        picked[name] = attributes[name];
        found = true;
      }
      if (found) out.custom_attributes = picked;
    }
    return out as Partial<BrazeUser>;
  };
}
