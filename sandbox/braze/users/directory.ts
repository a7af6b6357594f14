import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Segment } from '../segments/segment.ts';
import { ALIAS_LABEL, ID_KIND } from './generate-user.ts';
import { decodeBrazeId, decodeMaskedUuid, indexesForCode, type UserRef } from './identity.ts';
import { type SegmentUsers, seedHashOf, segmentUsers } from './segment-users.ts';
import type { BrazeUser } from './user.ts';

/** Finds users by identifier without storing any: ids decode to (segment, index), then regenerate. */
export interface UserDirectory {
  byExternalId(externalId: string): BrazeUser | undefined;
  byBrazeId(brazeId: string): BrazeUser | undefined;
  byDeviceId(deviceId: string): BrazeUser | undefined;
  byAlias(alias: { alias_name: string; alias_label: string }): BrazeUser | undefined;
  /** Case and surrounding spaces do not matter, as in Braze. */
  byEmail(email: string): BrazeUser[];
  /** E.164; users whose stored number normalizes to it match, whatever its format. */
  byPhone(phone: string): BrazeUser[];
}

export function createUserDirectory(seed: string, segments: readonly Segment[]): UserDirectory {
  const seedHash = seedHashOf(seed);
  const sources = segments.map((segment) => segmentUsers(seed, segment));
  const byKey = new Map(sources.map((source) => [source.segmentKey, source]));

  const resolve = (ref: UserRef | undefined): BrazeUser | undefined => {
    const source = ref && byKey.get(ref.segmentKey);
    return source && ref.index < source.size ? source.at(ref.index) : undefined;
  };
  /** Users of every segment whose six-digit code (end of phone and email) is `code`. */
  const withCode = (code: number, matches: (user: BrazeUser) => boolean) =>
    sources.flatMap((source: SegmentUsers) =>
      indexesForCode(source.segmentKey, code, source.size)
        .map((index) => source.at(index))
        .filter(matches),
    );
  const trailingCode = (text: string) => Number(/(\d{1,6})$/.exec(text)?.[1] ?? Number.NaN);

  return {
    byExternalId(externalId) {
      const user = resolve(decodeMaskedUuid(seedHash, ID_KIND.externalId, externalId));
      return user?.external_id === externalId ? user : undefined;
    },
    byBrazeId(brazeId) {
      const user = resolve(decodeBrazeId(brazeId));
      return user?.braze_id === brazeId ? user : undefined;
    },
    byDeviceId(deviceId) {
      const ref = decodeMaskedUuid(seedHash, ID_KIND.deviceId, deviceId);
      const user = ref && resolve({ segmentKey: ref.segmentKey, index: Math.floor(ref.index / 4) });
      return user?.devices?.some((device) => device.device_id === deviceId) ? user : undefined;
    },
    byAlias({ alias_name, alias_label }) {
      if (alias_label !== ALIAS_LABEL) return undefined;
      const user = resolve(decodeMaskedUuid(seedHash, ID_KIND.alias, alias_name));
      return user?.user_aliases?.some((alias) => alias.alias_name === alias_name)
        ? user
        : undefined;
    },
    byEmail(email) {
      const wanted = email.trim().toLowerCase();
      const local = wanted.split('@')[0] ?? '';
      return withCode(trailingCode(local), (user) => user.email?.trim().toLowerCase() === wanted);
    },
    byPhone(phone) {
      const wanted = parsePhoneNumberFromString(phone)?.number;
      if (!wanted) return [];
      return withCode(trailingCode(wanted), (user) => normalizedPhone(user) === wanted);
    },
  };
}

function normalizedPhone(user: BrazeUser): string | undefined {
  if (!user.phone) return undefined;
  const country = user.country && /^[A-Z]{2}$/.test(user.country) ? user.country : undefined;
  return parsePhoneNumberFromString(user.phone, country as CountryCode | undefined)?.number;
}
