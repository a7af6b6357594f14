import type { PlannedAudience } from '../../../shared/audience-plan.ts';
import type { ConsentFilter, ConsentSettings } from '../../../shared/consent-settings.ts';
import type { SourceUser } from '../../sources/source-user.ts';
import { createConsentFilter } from '../consent/consent-filter.ts';
import { createMatchRows, type MatchRowsOptions, type UserRows } from '../match-rows/match-rows.ts';

/**
 * One user after the consent filters: the rows they add to each audience, or the filter that
 * removed them. `withheldDeviceIds` counts device IDs the ad-tracking filter held back (only
 * when the plan sends device IDs).
 */
export type UserOutcome =
  | { kept: true; made: UserRows; withheldDeviceIds: number }
  | { kept: false; removedBy: ConsentFilter; withheldDeviceIds: number };

export interface UserRowsOptions extends MatchRowsOptions {
  consent: ConsentSettings;
}

/**
 * What exports and continuous syncs both do with each user: apply the consent filters, then
 * make exactly the rows Meta receives. Withholding device IDs removes a user (`ad_tracking`)
 * only when nothing else of theirs is usable.
 */
export function createUserRows(
  audiences: readonly PlannedAudience[],
  { consent, ...options }: UserRowsOptions,
): (user: SourceUser) => UserOutcome {
  const filter = createConsentFilter(consent);
  const matchRows = createMatchRows(audiences, options);
  const usesDeviceIds = audiences.some((audience) => audience.keys.includes('MADID'));
  return (user) => {
    const decision = filter(user);
    if (!decision.kept) return { kept: false, removedBy: decision.removedBy, withheldDeviceIds: 0 };
    const made = matchRows(decision.user);
    const withheldDeviceIds = usesDeviceIds ? decision.withheldDeviceIds : 0;
    if (withheldDeviceIds > 0 && made.rows.every((some) => some.length === 0)) {
      return { kept: false, removedBy: 'ad_tracking', withheldDeviceIds };
    }
    return { kept: true, made, withheldDeviceIds };
  };
}
