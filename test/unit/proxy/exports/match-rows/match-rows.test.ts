import { describe, expect, it } from 'vitest';
import {
  createMatchRows,
  type MatchRowsOptions,
} from '../../../../../proxy/exports/match-rows/match-rows.ts';
import type { SourceUser } from '../../../../../proxy/sources/source-user.ts';
import { type AudiencePlan, planAudiences } from '../../../../../shared/audience-plan.ts';
import { MATCH_KEYS, matchKeyValue } from '../../../../../shared/match-keys.ts';

const now = () => new Date('2026-06-15T12:00:00Z');

/** Reference §5.2: Meta's worked examples, and the ones computed there by Meta's rules. */
const MARY = {
  EMAIL: 'f1904cf1a9d73a55fa5de0ac823c4403ded71afd4c3248d00bdcd0866552bb79',
  PHONE: '1ef970831d7963307784fa8688e8fce101a15685d62aa765fed23f3a2c576a4e',
  FN: '6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec',
  FI: '62c66a7a5dd70c3146618063c344e531e6d4b59e379808443ce962b3abd63c5a',
  LN: '6627835f988e2c5e50533d491163072d3f4f41f5c8b04630150debb3722ca2dd',
  GEN: '252f10c83610ebca1a059c0bae8255eba2f95be4d1d7bcfa89d7248a82d9f111',
  DOBY: '0985b889a1fe4f4e1fb925061ac6fb2247f10875f5fcbe63eec2ab55ed68970e',
  DOBM: 'a953f09a1b6b6725b81956e9ad0b1eb49e3ad40004c04307ef8af6246a054116',
  DOBD: 'b17ef6d19c7a5b1ee83b907c595526dcb1eb06db8227d650d5dda0a9f4ce8cd9',
  CT: '350c754ba4d38897693aa077ef43072a859d23f613443133fecbbd90a3512ca5',
  ST: '6959097001d10501ac7d54c0bdb8db61420f658f2922cc26e46d536119a31126',
  ZIP: 'b9a9cf3cd3723a2e91b7c23ecf68456e872b6e5d86e5cab7f3d45a7302da32c7',
  COUNTRY: '79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621',
  MADID: 'aece52e7-03ee-455a-b3c4-e57283966239',
  EXTERN_ID: 'crm-0001',
};

const mary: SourceUser = {
  external_id: ' crm-0001 ',
  email: ' Mary@Example.com',
  phone: '(555) 987-6543',
  first_name: 'Mary',
  last_name: ' Smith ',
  dob: '1997-02-16',
  gender: 'Female',
  home_city: 'New York',
  state: 'California',
  zip: '94025-1234',
  country: 'United States',
  devices: [{ idfa: 'AECE52E7-03EE-455A-B3C4-E57283966239', ad_tracking_enabled: true }],
  custom_attributes: {},
};

const IDFA_2 = '6D92078A-8246-4BA4-AE5B-76104861E7DC';
const GAID = '38400000-8cf0-11bd-b23e-10b96e40000d';
const ZEROED = '00000000-0000-0000-0000-000000000000';

const user = (fields: Partial<SourceUser>): SourceUser => ({
  devices: [],
  custom_attributes: {},
  ...fields,
});
const rowsOf = (plan: AudiencePlan, subject: SourceUser, options: MatchRowsOptions = { now }) =>
  createMatchRows(planAudiences(plan), options)(subject).rows;

describe('match rows, one audience per field', () => {
  it('send exactly Meta’s worked examples', () => {
    const keys = ['EMAIL', 'PHONE', 'MADID', 'EXTERN_ID'] as const;
    expect(rowsOf({ kind: 'per-field', keys: [...keys] }, mary)).toEqual(
      keys.map((key) => [[MARY[key]]]),
    );
  });

  it('give weak keys their own one-column audiences too', () => {
    const keys = [
      'FN',
      'FI',
      'LN',
      'GEN',
      'DOBY',
      'DOBM',
      'DOBD',
      'CT',
      'ST',
      'ZIP',
      'COUNTRY',
    ] as const;
    expect(rowsOf({ kind: 'per-field', keys: [...keys] }, mary)).toEqual(
      keys.map((key) => [[MARY[key]]]),
    );
  });

  it('send one row per distinct usable device ID, IDFA and GAID alike, zeroed IDs dropped', () => {
    const subject = user({
      devices: [
        { idfa: IDFA_2, ad_tracking_enabled: true },
        { google_ad_id: GAID, ad_tracking_enabled: true },
        { google_ad_id: ZEROED, ad_tracking_enabled: true },
        { idfa: IDFA_2.toLowerCase(), ad_tracking_enabled: true },
        { idfa: 'garbage' },
      ],
    });
    expect(rowsOf({ kind: 'per-field', keys: ['MADID'] }, subject)).toEqual([
      [[IDFA_2.toLowerCase()], [GAID]],
    ]);
  });

  it('send nothing for a user with no usable value, and say why per key', () => {
    const make = createMatchRows(
      planAudiences({ kind: 'per-field', keys: ['EMAIL', 'PHONE', 'MADID'] }),
    );
    const result = make(user({ email: 'n/a', devices: [{ idfa: ZEROED }] }));
    expect(result.rows).toEqual([[], [], []]);
    expect(Object.fromEntries(result.keys)).toEqual({
      EMAIL: { status: 'unusable', values: [] },
      PHONE: { status: 'missing', values: [] },
      MADID: { status: 'unusable', values: [] },
    });
  });

  it('read national phone numbers in the user’s country, else the workspace’s', () => {
    const uk = '07700 900123';
    const expected = matchKeyValue('PHONE', '+44 7700 900123');
    expect(expected).toBe('033134b911b137918338415ee3d20a064b24773d36a3b02e8b99fdd3fcd6b4cd');
    const phone = (fields: Partial<SourceUser>, defaultCountry?: string) =>
      rowsOf({ kind: 'per-field', keys: ['PHONE'] }, user({ phone: uk, ...fields }), {
        defaultCountry,
      })[0];
    expect(phone({ country: 'GB' }, 'US')).toEqual([[expected]]);
    expect(phone({ country: 'United Kingdom' })).toEqual([[expected]]);
    expect(phone({}, 'GB')).toEqual([[expected]]);
    expect(phone({ country: 'nowhere' }, 'GB')).toEqual([[expected]]);
    expect(phone({}, 'US')).toEqual([]);
  });

  it('apply the clock to birth years', () => {
    const born = user({ dob: '2026-01-01' });
    expect(rowsOf({ kind: 'per-field', keys: ['DOBY'] }, born, { now })).toEqual([
      [[matchKeyValue('DOBY', '2026', { now })]],
    ]);
    expect(
      rowsOf({ kind: 'per-field', keys: ['DOBY'] }, born, {
        now: () => new Date('2025-06-01T00:00:00Z'),
      }),
    ).toEqual([[]]);
  });
});

describe('match rows, one multi-key audience', () => {
  it('send one row per user in schema order, Meta’s worked examples in each column', () => {
    // Chosen in reverse: the columns still follow MATCH_KEYS.
    const rows = rowsOf({ kind: 'multi-key', keys: [...MATCH_KEYS].reverse() }, mary);
    expect(rows).toEqual([
      [
        [
          MARY.EXTERN_ID,
          MARY.EMAIL,
          MARY.PHONE,
          MARY.DOBY,
          MARY.DOBM,
          MARY.DOBD,
          MARY.LN,
          MARY.FN,
          MARY.FI,
          MARY.GEN,
          MARY.CT,
          MARY.ST,
          MARY.ZIP,
          MARY.COUNTRY,
          MARY.MADID,
        ],
      ],
    ]);
  });

  it('leave unknown or unusable keys empty, and send the first usable device ID', () => {
    const subject = user({
      email: 'not an email',
      first_name: 'Zoë',
      devices: [{ idfa: ZEROED }, { google_ad_id: GAID }, { idfa: IDFA_2 }],
    });
    expect(rowsOf({ kind: 'multi-key', keys: ['EMAIL', 'FN', 'MADID', 'ZIP'] }, subject)).toEqual([
      [['', matchKeyValue('FN', 'Zoë'), '', GAID]],
    ]);
  });

  it('do not send a user with no usable key', () => {
    expect(
      rowsOf(
        { kind: 'multi-key', keys: ['EMAIL', 'PHONE'] },
        user({ email: '@', first_name: 'Ann' }),
      ),
    ).toEqual([[]]);
  });
});
