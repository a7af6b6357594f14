/**
 * How messy the generated users are. Each number is the share of users (or of the users who
 * have the parent field) drawn that way; unit tests check the generator stays close to them.
 */
export const RATES = {
  /** Share of users by the country they live in (names, city, phone and language follow). */
  locale: { US: 0.35, GB: 0.15, DE: 0.12, FR: 0.1, BR: 0.1, IN: 0.1, JP: 0.08 },
  /** Anonymous users have no `external_id`. */
  externalId: 0.9,
  userAlias: 0.3,
  firstName: 0.9,
  lastName: 0.85,
  /** Of present names: typed all lowercase, all uppercase, or with stray spaces. */
  nameMess: { lowercase: 0.05, uppercase: 0.03, padded: 0.03 },
  email: 0.85,
  /** Of present emails. `invalid` ones can never be normalized (no @, two @, no domain…). */
  emailMess: { invalid: 0.06, mixedCase: 0.4, padded: 0.15 },
  phone: 0.6,
  /** Of present phones: how they were imported. */
  phoneFormat: { e164: 0.45, national: 0.3, international: 0.15, digitsOnly: 0.05, invalid: 0.05 },
  /** Of present phones: the phone's country differs from the user's. */
  foreignPhone: 0.1,
  /** `country` as ISO 3166-1 alpha-2, as an English name, or missing. */
  country: { code: 0.8, name: 0.07, missing: 0.13 },
  dob: 0.7,
  /** `null` is Braze's `nil` (unknown); `missing` leaves the field out. */
  gender: { M: 0.38, F: 0.38, O: 0.03, N: 0.02, P: 0.04, null: 0.05, missing: 0.1 },
  homeCity: 0.75,
  /** Of present cities: lowercase or padded with spaces. */
  cityMess: 0.1,
  /** Custom attributes `state` and `zip_code`. */
  state: 0.6,
  zipCode: 0.55,
  deviceCount: { 0: 0.2, 1: 0.55, 2: 0.2, 3: 0.05 },
  iosDevice: 0.45,
  /** Of iOS devices: IDFA collected; of those, zeroed by App Tracking Transparency. */
  idfa: 0.7,
  zeroedIdfa: 0.2,
  /** Of Android devices: advertising id collected; of those, zeroed (user opted out). */
  googleAdId: 0.8,
  zeroedGoogleAdId: 0.05,
  /** Of devices with a non-zero ad id: tracking enabled; `adTrackingMissing` leaves it out. */
  adTrackingEnabled: 0.85,
  adTrackingMissing: 0.05,
  emailSubscribe: { opted_in: 0.25, subscribed: 0.6, unsubscribed: 0.15 },
  pushSubscribe: { opted_in: 0.3, subscribed: 0.5, unsubscribed: 0.2 },
  /** Custom attribute `opted_in_marketing`. */
  optedInMarketing: { true: 0.55, false: 0.35, missing: 0.1 },
  /** Custom attribute `do_not_sell_or_share` (CCPA). */
  doNotSellOrShare: { true: 0.08, false: 0.72, missing: 0.2 },
} as const;
