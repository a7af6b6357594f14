import { formatUuid } from '../ids.ts';
import { brazeId, maskedUuid, type UserRef, userCode } from './identity.ts';
import { type CountryCode, LOCALES, type Locale, ROMANIZED } from './locales.ts';
import { createRandom, mix32, type Random, weights } from './random.ts';
import { RATES } from './rates.ts';
import { type BrazeDevice, type BrazeUser, ZEROED_AD_ID } from './user.ts';

/** Families of masked UUIDs (see identity.ts). */
export const ID_KIND = { externalId: 1, deviceId: 2, alias: 3 } as const;
export const ALIAS_LABEL = 'crm_id';
export const APP_NAME = 'Audience Relay Shop';

/**
 * Field groups draw from their own random streams, so one group's draws never shift
 * another's: adding a field later leaves every existing value unchanged.
 */
const STREAM = {
  identity: 1,
  names: 2,
  email: 3,
  phone: 4,
  profile: 5,
  devices: 6,
  consent: 7,
  activity: 8,
} as const;

const FIRST_CREATED = Date.UTC(2019, 0, 1) / 1000;
const CREATED_SPAN = Date.UTC(2026, 5, 30) / 1000 - FIRST_CREATED;
const EMAIL_DOMAINS = [
  'example.com',
  'example.net',
  'example.org',
  'mail.example',
  'inbox.example',
];
const COUNTRIES = Object.keys(LOCALES) as CountryCode[];
const TABLE = {
  locale: weights(RATES.locale),
  createdFrom: weights({ SDK: 0.6, 'REST API': 0.3, 'CSV Import': 0.1 }),
  country: weights(RATES.country),
  gender: weights(RATES.gender),
  pushSubscribe: weights(RATES.pushSubscribe),
  emailSubscribe: weights(RATES.emailSubscribe),
  optedInMarketing: weights(RATES.optedInMarketing),
  doNotSellOrShare: weights(RATES.doNotSellOrShare),
  deviceCount: weights(RATES.deviceCount),
  nameMess: weights({
    ...RATES.nameMess,
    clean: 1 - Object.values(RATES.nameMess).reduce((total, rate) => total + rate, 0),
  }),
  phoneFormat: weights(RATES.phoneFormat),
};
const CARRIERS = [
  null,
  'Verizon',
  'Vodafone',
  'Telekom.de',
  'Orange F',
  'Vivo',
  'Jio',
  'NTT DOCOMO',
];

const ACTIVITY_FIELDS = [
  'apps',
  'push_tokens',
  'purchases',
  'custom_events',
  'total_revenue',
  'last_coordinates',
  'attributed_campaign',
  'attributed_source',
  'attributed_adgroup',
  'attributed_ad',
  'uninstalled_at',
];

/**
 * User `ref.index` of the segment whose key is `ref.segmentKey`: a pure function of its inputs.
 * With `fields`, groups nobody asked for are skipped (their streams are independent, so every
 * other value stays the same): an export of emails need not make push tokens.
 */
export function generateUser(
  seedHash: number,
  ref: UserRef,
  fields?: ReadonlySet<string>,
): BrazeUser {
  const needs = (...names: string[]) => !fields || names.some((name) => fields.has(name));
  const userSeed = mix32(mix32(seedHash, ref.segmentKey), ref.index);
  const stream = (group: number) => createRandom(mix32(userSeed, group));
  const code = userCode(ref);

  const identity = stream(STREAM.identity);
  const locale = LOCALES[identity.weighted(TABLE.locale)];
  const createdSeconds = FIRST_CREATED + identity.int(CREATED_SPAN);
  const user: BrazeUser = {
    created_at: brazeTime(createdSeconds),
    braze_id: brazeId(createdSeconds, ref),
    random_bucket: identity.int(10_000),
    push_subscribe: 'subscribed',
    email_subscribe: 'subscribed',
  };
  if (identity.chance(RATES.externalId)) {
    user.external_id = maskedUuid(seedHash, ID_KIND.externalId, ref);
  }
  if (identity.chance(RATES.userAlias)) {
    user.user_aliases = [
      { alias_name: maskedUuid(seedHash, ID_KIND.alias, ref), alias_label: ALIAS_LABEL },
    ];
  }
  const createdFrom = identity.weighted(TABLE.createdFrom);

  if (needs('first_name', 'last_name', 'email')) {
    const names = stream(STREAM.names);
    const first = names.pick(locale.firstNames);
    const last = names.pick(locale.lastNames);
    if (names.chance(RATES.firstName)) user.first_name = messyName(names, first);
    if (names.chance(RATES.lastName)) user.last_name = messyName(names, last);
    const email = stream(STREAM.email);
    if (email.chance(RATES.email)) user.email = messyEmail(email, first, last, code);
  }

  const profile = stream(STREAM.profile);
  if (profile.chance(RATES.dob)) user.dob = dateOfBirth(profile);
  if (profile.chance(RATES.homeCity)) {
    const city = profile.pick(locale.cities);
    user.home_city = profile.chance(RATES.cityMess) ? messyText(profile, city) : city;
  }
  const country = profile.weighted(TABLE.country);
  if (country === 'code') user.country = locale.country;
  if (country === 'name') user.country = locale.countryName;

  const phone = needs('phone') ? stream(STREAM.phone) : undefined;
  if (phone?.chance(RATES.phone)) user.phone = messyPhone(phone, locale, code);

  user.language = profile.chance(0.9) ? locale.language : 'en';
  user.time_zone = profile.pick(locale.timeZones);
  const gender = profile.weighted(TABLE.gender);
  if (gender !== 'missing') user.gender = gender === 'null' ? null : gender;

  const consent = stream(STREAM.consent);
  user.push_subscribe = consent.weighted(TABLE.pushSubscribe);
  user.email_subscribe = consent.weighted(TABLE.emailSubscribe);
  const attributes: Record<string, string | number | boolean> = {};
  const optedIn = consent.weighted(TABLE.optedInMarketing);
  if (optedIn !== 'missing') attributes.opted_in_marketing = optedIn === 'true';
  const doNotSell = consent.weighted(TABLE.doNotSellOrShare);
  if (doNotSell !== 'missing') attributes.do_not_sell_or_share = doNotSell === 'true';
  if (profile.chance(RATES.state)) attributes.state = profile.pick(locale.states);
  if (profile.chance(RATES.zipCode)) attributes.zip_code = locale.zip(profile.digits);
  if (consent.chance(0.5)) attributes.loyalty_points = consent.int(5_000);
  if (Object.keys(attributes).length > 0) user.custom_attributes = attributes;

  if (needs('devices', ...ACTIVITY_FIELDS)) {
    const deviceStream = stream(STREAM.devices);
    const deviceCount = Number(deviceStream.weighted(TABLE.deviceCount));
    const devices = Array.from({ length: deviceCount }, (_, n) =>
      generateDevice(deviceStream, seedHash, ref, n),
    );
    if (devices.length > 0) user.devices = devices;
    if (needs(...ACTIVITY_FIELDS)) {
      addActivity(user, stream(STREAM.activity), createdSeconds, devices);
    }
  }
  user.created_from = createdFrom;
  return user;
}

function generateDevice(random: Random, seedHash: number, ref: UserRef, n: number): BrazeDevice {
  // Device ids decode to (segment, user index * 4 + device number).
  const deviceId = maskedUuid(seedHash, ID_KIND.deviceId, {
    segmentKey: ref.segmentKey,
    index: ref.index * 4 + n,
  });
  const carrier = random.pick(CARRIERS);
  let zeroed = false;
  let device: BrazeDevice;
  if (random.chance(RATES.iosDevice)) {
    device = {
      model: random.pick(['iPhone 15', 'iPhone 13 mini', 'iPhone SE', 'iPad Pro']),
      os: `iOS ${random.pick(['16.7', '17.4', '18.1'])}`,
      carrier,
      idfv: formatUuid(random.hex(32)).toUpperCase(),
      device_id: deviceId.toUpperCase(),
    };
    if (random.chance(RATES.idfa)) {
      zeroed = random.chance(RATES.zeroedIdfa);
      device.idfa = zeroed ? ZEROED_AD_ID : formatUuid(random.hex(32)).toUpperCase();
    }
  } else {
    device = {
      model: random.pick(['Pixel 8', 'Galaxy S23', 'Redmi Note 12', 'Moto G']),
      os: `Android (${random.pick(['12', '13', '14'])})`,
      carrier,
      device_id: deviceId,
    };
    if (random.chance(RATES.googleAdId)) {
      zeroed = random.chance(RATES.zeroedGoogleAdId);
      device.google_ad_id = zeroed ? ZEROED_AD_ID : formatUuid(random.hex(32));
    }
  }
  if (zeroed) device.ad_tracking_enabled = false;
  else if (!random.chance(RATES.adTrackingMissing)) {
    device.ad_tracking_enabled = random.chance(RATES.adTrackingEnabled);
  }
  return device;
}

function addActivity(user: BrazeUser, random: Random, created: number, devices: BrazeDevice[]) {
  const later = () => brazeTime(created + random.int(Math.max(1, CREATED_SPAN / 4)));
  if (devices.length > 0) {
    user.apps = devices.map((device) => ({
      name: APP_NAME,
      platform: device.os?.startsWith('iOS') ? 'iOS' : 'Android',
      version: `3.${random.int(10)}.${random.int(10)}`,
      sessions: 1 + random.int(400),
      first_used: brazeTime(created),
      last_used: later(),
    }));
    const tokens = devices
      .filter(() => random.chance(0.5))
      .map((device) => ({
        app: APP_NAME,
        platform: device.os?.startsWith('iOS') ? 'ios' : 'android',
        token: random.hex(64),
        device_id: device.device_id,
        notifications_enabled: random.chance(0.7),
      }));
    if (tokens.length > 0) user.push_tokens = tokens;
  }
  if (random.chance(0.4)) {
    user.purchases = [
      { name: 'premium_plan', first: brazeTime(created), last: later(), count: 1 + random.int(20) },
    ];
    user.total_revenue = Math.round(random.next() * 100_000) / 100;
  }
  if (random.chance(0.6)) {
    user.custom_events = [
      { name: 'add_to_cart', first: brazeTime(created), last: later(), count: 1 + random.int(90) },
    ];
  }
  if (random.chance(0.4)) {
    user.last_coordinates = [round4(random.next() * 360 - 180), round4(random.next() * 180 - 90)];
  }
  if (random.chance(0.15)) {
    user.attributed_campaign = random.pick(['spring_sale', 'black_friday', 'app_install']);
    user.attributed_source = random.pick(['facebook', 'google', 'tiktok']);
    user.attributed_adgroup = `adgroup_${random.int(20)}`;
    user.attributed_ad = `ad_${random.int(200)}`;
  }
  if (random.chance(0.05)) user.uninstalled_at = later();
}

const days = new Map<number, string>();
const two = (value: number) => (value < 10 ? `0${value}` : String(value));

/** Braze's export timestamp style: `2020-07-10 15:00:00.000 UTC` (dates cached: it is hot). */
function brazeTime(epochSeconds: number): string {
  const day = Math.floor(epochSeconds / 86_400);
  let date = days.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    days.set(day, date);
  }
  const second = epochSeconds - day * 86_400;
  return `${date} ${two(Math.floor(second / 3600))}:${two(Math.floor(second / 60) % 60)}:${two(second % 60)}.000 UTC`;
}

function dateOfBirth(random: Random): string {
  const year = 1945 + random.int(63);
  const month = 1 + random.int(12);
  const day = 1 + random.int(new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function messyName(random: Random, name: string): string {
  const mess = random.weighted(TABLE.nameMess);
  if (mess === 'lowercase') return name.toLowerCase();
  if (mess === 'uppercase') return name.toUpperCase();
  if (mess === 'padded') return ` ${name}  `;
  return name;
}

function messyText(random: Random, text: string): string {
  return random.chance(0.5) ? text.toLowerCase() : `  ${text} `;
}

const asciiNames = new Map<string, string>();

/** ASCII form of a name for an email address: accents dropped, other scripts romanized. */
function asciiName(name: string): string {
  let ascii = asciiNames.get(name);
  if (ascii === undefined) {
    const folded = (ROMANIZED[name] ?? name)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    ascii = folded || 'user';
    asciiNames.set(name, ascii);
  }
  return ascii;
}

function messyEmail(random: Random, first: string, last: string, code: number): string {
  const f = asciiName(first);
  const l = asciiName(last);
  const local = `${random.pick([`${f}.${l}`, `${f}${l}`, `${f.charAt(0)}${l}`, `${f}_${l}`, f])}${code}`;
  const domain = random.pick(EMAIL_DOMAINS);
  if (random.chance(RATES.emailMess.invalid)) {
    return random.pick([
      `${local}@`,
      `${local}${domain}`,
      `${local}@@${domain}`,
      `${local}@${domain.split('.')[0]}`,
      `${local} @${domain}`,
      'n/a',
    ]);
  }
  let email = `${local}@${domain}`;
  if (random.chance(RATES.emailMess.mixedCase)) {
    email = random.chance(0.2)
      ? email.toUpperCase()
      : email.replace(
          /(^|[._@])([a-z])/g,
          (_, separator: string, letter: string) => separator + letter.toUpperCase(),
        );
  }
  if (random.chance(RATES.emailMess.padded))
    email = random.pick([` ${email}`, `${email} `, `\t${email}\n`]);
  return email;
}

function messyPhone(random: Random, home: Locale, code: number): string {
  const locale = random.chance(RATES.foreignPhone)
    ? LOCALES[random.pick(COUNTRIES.filter((country) => country !== home.country))]
    : home;
  const plan = locale.phone;
  const nsn =
    random.pick(plan.prefixes) + random.digits(plan.fillerDigits) + String(code).padStart(6, '0');
  switch (random.weighted(TABLE.phoneFormat)) {
    case 'e164':
      return `+${plan.callingCode}${nsn}`;
    case 'national':
      return plan.national(nsn);
    case 'international':
      return plan.international(nsn);
    case 'digitsOnly':
      return `${plan.callingCode}${nsn}`;
    default:
      return random.pick([
        random.digits(5),
        nsn.slice(0, 4),
        '+',
        'n/a',
        `${plan.trunk}${nsn}${random.digits(4)}`,
      ]);
  }
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
