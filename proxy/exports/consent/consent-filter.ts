import type { ConsentFilter, ConsentSettings } from '../../../shared/consent-settings.ts';
import { normalizeMatchKey } from '../../../shared/match-keys.ts';
import { boundedMemo } from '../../sources/bounded-memo.ts';
import { foldColumnName } from '../../sources/column-names.ts';
import type { SourceDevice, SourceUser } from '../../sources/source-user.ts';
import { isTruthy } from '../../sources/truthy.ts';

/**
 * A user the filters kept, with the device IDs they may send; or the first filter, in
 * `CONSENT_FILTERS` order, that removed them. `ad_tracking` never removes a user here: it
 * only withholds device IDs, and removes the user later if those were their only usable key
 * (the export pipeline knows that once it has made the user's rows).
 */
export type ConsentDecision =
  | { kept: true; user: SourceUser; withheldDeviceIds: number }
  | { kept: false; removedBy: Exclude<ConsentFilter, 'ad_tracking'> };

/** The consent and eligibility filters of one export, as one function of a user. */
export function createConsentFilter(
  settings: ConsentSettings,
): (user: SourceUser) => ConsentDecision {
  const optOut =
    settings.optOutAttribute === null ? undefined : attributeReader(settings.optOutAttribute);
  const optIn =
    settings.optInAttribute === null ? undefined : attributeReader(settings.optInAttribute);
  return (user) => {
    if (optOut !== undefined && isTruthy(optOut(user)))
      return { kept: false, removedBy: 'opt_out' };
    if (optIn !== undefined && !isTruthy(optIn(user))) return { kept: false, removedBy: 'opt_in' };
    if (
      settings.excludeEmailUnsubscribed &&
      user.email_subscribe?.toLowerCase() === 'unsubscribed'
    ) {
      return { kept: false, removedBy: 'email_unsubscribed' };
    }
    if (!settings.requireAdTrackingForDeviceIds || user.devices.length === 0) {
      return { kept: true, user, withheldDeviceIds: 0 };
    }
    return withTrackedDevicesOnly(user);
  };
}

/** Devices without `ad_tracking_enabled: true` lose their IDs; the usable ones are counted. */
function withTrackedDevicesOnly(user: SourceUser): ConsentDecision {
  const tracked: SourceDevice[] = [];
  let withheldDeviceIds = 0;
  for (const device of user.devices) {
    if (device.ad_tracking_enabled === true) tracked.push(device);
    else withheldDeviceIds += usableIds(device);
  }
  return {
    kept: true,
    user: tracked.length === user.devices.length ? user : { ...user, devices: tracked },
    withheldDeviceIds,
  };
}

function usableIds({ idfa, google_ad_id }: SourceDevice): number {
  const usable = (id: string | undefined) =>
    id !== undefined && normalizeMatchKey('MADID', id) !== null ? 1 : 0;
  return usable(idfa) + usable(google_ad_id);
}

/**
 * Reads a custom attribute by name: the exact name first (Braze), else any name equal once
 * folded (`Do Not Sell` for `do_not_sell_or_share` would not match, `Do-Not-Sell-Or-Share` does).
 */
function attributeReader(name: string): (user: SourceUser) => unknown {
  const wanted = foldColumnName(name);
  const fold = boundedMemo(foldColumnName);
  return ({ custom_attributes: attributes }) => {
    if (Object.hasOwn(attributes, name)) return attributes[name];
    for (const key of Object.keys(attributes)) if (fold(key) === wanted) return attributes[key];
    return undefined;
  };
}
