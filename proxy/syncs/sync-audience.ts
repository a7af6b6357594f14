import { type PlannedAudience, planAudiences } from '../../shared/audience-plan.ts';
import type { MatchKey } from '../../shared/match-keys.ts';

/**
 * The one audience a sync fills, with the schema its rows follow: one field is a single-key
 * audience (one row per value, so one per device for `MADID`), several are one multi-key
 * audience (one row per user; Meta matches on any of its keys).
 */
export function syncAudience(fields: readonly MatchKey[]): PlannedAudience {
  const [audience] = planAudiences({
    kind: fields.length === 1 ? 'per-field' : 'multi-key',
    keys: [...fields],
  });
  if (!audience) throw new Error('A sync matches on at least one field.');
  return audience;
}
