import { canWrite } from '../access.ts';
import type { PersonCaller } from '../auth.ts';
import type { NodeView } from '../fields.ts';
import type { Audience, World } from '../world.ts';

/** Audiences below this many people can't deliver (`delivery_status` 300). */
export const MIN_DELIVERABLE = 100;
/** Where the emulator's lookalike sizes come from: a pretend country of this many people. */
const LOOKALIKE_POPULATION = 2_000_000;

export const OPERATION_STATUS: Record<number, string> = {
  200: 'Normal',
  410: 'No upload: this audience has not received any customer data yet.',
  414: 'Replace in progress: the members of this audience are being replaced.',
  415: 'Replace error: the last replace of this audience failed.',
  441: 'This audience is being populated.',
  471: "The custom audience or lookalike is blocked because it suggests the use of information (e.g., health, financial) not allowed under Meta's terms, and is restricted from running ads. Review the audience and remove prohibited information, or choose a different one.",
};

/** The status a reader sees: stored, unless a replace runs or nothing was ever uploaded. */
export function operationStatusOf(audience: Audience): number {
  if (audience.operationStatus === 471) return 471;
  if (audience.replaceSessionId) return 414;
  if (
    audience.operationStatus === 200 &&
    audience.subtype === 'CUSTOM' &&
    !audience.timeContentUpdated
  ) {
    return 410;
  }
  return audience.operationStatus;
}

function deliveryStatus(audience: Audience, size: number) {
  if (audience.operationStatus === 471) {
    return { code: 400, description: 'This audience is restricted and cannot be used in ads.' };
  }
  if (size < MIN_DELIVERABLE) {
    return {
      code: 300,
      description:
        'This audience is smaller than it should be. It is currently inactive and cannot be used.',
    };
  }
  return { code: 200, description: 'This audience is ready for use.' };
}

/** Members held (or, for a lookalike, its ratio of the pretend population). */
export function sizeOf(audience: Audience): number {
  if (audience.subtype === 'LOOKALIKE') {
    return Math.round((audience.lookalikeSpec?.ratio ?? 0) * LOOKALIKE_POPULATION);
  }
  return audience.members.size;
}

/**
 * Meta shows a range, never the exact count: ±2 % rounded outward to two significant digits
 * (5,000 people → 4,900–5,100, as in the reference's example).
 */
export function approximateBounds(size: number): { lower: number; upper: number } {
  const round = (value: number, direction: 'down' | 'up') => {
    if (value <= 0) return 0;
    const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
    return (direction === 'down' ? Math.floor : Math.ceil)(value / step) * step;
  };
  return { lower: round(size * 0.98, 'down'), upper: round(size * 1.02, 'up') };
}

/** The CustomAudience fields the emulator knows (reference §3.3); only ids by default. */
export function audienceView(world: World, caller: PersonCaller): NodeView<Audience> {
  const lookalikesOf = (audience: Audience) =>
    [...world.audiences.values()]
      .filter((other) => !other.deleted && other.originAudienceId === audience.id)
      .map((other) => other.id);
  const writable = (audience: Audience) => {
    const account = world.adAccounts.get(audience.accountId);
    return !!account && canWrite(world, account, caller);
  };
  return {
    type: 'CustomAudience',
    defaults: ['id'],
    fields: {
      id: (audience) => audience.id,
      account_id: (audience) => audience.accountId,
      name: (audience) => audience.name,
      description: (audience) => audience.description,
      subtype: (audience) => audience.subtype,
      customer_file_source: (audience) => audience.customerFileSource,
      approximate_count_lower_bound: (audience) => approximateBounds(sizeOf(audience)).lower,
      approximate_count_upper_bound: (audience) => approximateBounds(sizeOf(audience)).upper,
      data_source: (audience) =>
        audience.subtype === 'LOOKALIKE'
          ? { type: 'SEED_BASED', sub_type: 'LOOKALIKE', creation_params: '[]' }
          : {
              type: audience.dataSource ? 'FILE_IMPORTED' : 'UNKNOWN',
              sub_type: audience.dataSource ?? 'ANYTHING',
              creation_params: '[]',
            },
      delivery_status: (audience) => deliveryStatus(audience, sizeOf(audience)),
      operation_status: (audience) => {
        const code = operationStatusOf(audience);
        return { code, description: OPERATION_STATUS[code] ?? '' };
      },
      permission_for_actions: (audience) => ({
        can_edit: writable(audience) && audience.operationStatus !== 471,
        can_see_insight: true,
        can_share: writable(audience),
        subtype_supports_lookalike: audience.subtype === 'CUSTOM',
        supports_recipient_lookalike: false,
      }),
      is_value_based: (audience) => audience.isValueBased,
      lookalike_audience_ids: (audience) => {
        const ids = lookalikesOf(audience);
        return ids.length ? ids : undefined;
      },
      lookalike_spec: (audience) => {
        if (!audience.lookalikeSpec) return undefined;
        const origin = audience.originAudienceId
          ? world.audiences.get(audience.originAudienceId)
          : undefined;
        return {
          ...audience.lookalikeSpec,
          origin: origin
            ? [
                {
                  id: origin.id,
                  name: origin.name,
                  type: 'custom_audience',
                  deleted: origin.deleted,
                },
              ]
            : [],
        };
      },
      fields_violating_integrity_policy: (audience) =>
        audience.operationStatus === 471 ? ['name'] : undefined,
      retention_days: (audience) => audience.retentionDays,
      opt_out_link: (audience) => audience.optOutLink,
      time_created: (audience) => audience.timeCreated,
      time_updated: (audience) => audience.timeUpdated,
      time_content_updated: (audience) =>
        audience.subtype === 'CUSTOM' ? audience.timeContentUpdated : undefined,
    },
  };
}
