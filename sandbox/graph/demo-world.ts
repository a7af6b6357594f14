import { DEV_EXTENSION_ID } from '../../shared/dev-extension-key.ts';
import type { WorldSeed } from './world.ts';

/**
 * The default world, so `npm start` shows the whole product with no Facebook app: one app
 * that requires appsecret_proof, Dana Demo with two businesses and three ad accounts (one
 * without the Custom Audience terms), a system user with a non-expiring token, and a few
 * audiences — one value-based, one flagged for integrity — to list and act on.
 * The relay defaults to these constants when no Facebook app is configured.
 */

export const DEMO_APP_ID = '734120958312667';
export const DEMO_APP_SECRET = '5f1c0e9a7b3d4c2e8f6a1b0c9d8e7f60';
export const DEMO_APP_NAME = 'Audience Relay Sandbox';
/** The development extension's `chrome.identity` redirect URL. */
export const DEMO_REDIRECT_URI = `https://${DEV_EXTENSION_ID}.chromiumapp.org/`;

export const DEMO_USER_ID = '100094271836452';
export const DEMO_USER_NAME = 'Dana Demo';
/** A long-lived (60-day) token of Dana's, for tests that skip the dialog. */
export const DEMO_USER_TOKEN =
  'EAAJdemoUserTokenDanaDemo0000000000000000000000000000000000000000000000000000000000000000000000000000ZD';

export const DEMO_BUSINESS_ID = '481203957716254';
export const DEMO_BUSINESS_NAME = 'Northwind Outfitters';
export const DEMO_AGENCY_BUSINESS_ID = '592830146671038';
export const DEMO_AGENCY_BUSINESS_NAME = 'Bluebird Agency';

/** Terms accepted; holds the demo audiences. */
export const DEMO_AD_ACCOUNT_ID = '1029384756';
/** Custom Audience terms NOT accepted. */
export const DEMO_NO_TOS_AD_ACCOUNT_ID = '1029384757';
/** The agency's account, where Dana can advertise but not manage. */
export const DEMO_AGENCY_AD_ACCOUNT_ID = '2039485761';

export const DEMO_SYSTEM_USER_ID = '61551234567890';
export const DEMO_SYSTEM_USER_NAME = 'Audience Relay System User';
/** Never expires (`expires_at: 0` in debug_token). */
export const DEMO_SYSTEM_USER_TOKEN =
  'EAAJdemoSystemUserToken000000000000000000000000000000000000000000000000000000000000000000000000000ZD';

export const DEMO_AUDIENCES = {
  newsletter: '23850000000000001',
  valueBased: '23850000000000002',
  flagged: '23850000000000003',
  lapsed: '23850000000000004',
  lookalike: '23850000000000005',
} as const;

const ALL_TASKS = ['MANAGE', 'ADVERTISE', 'ANALYZE'] as const;
const FULL_SCOPES = ['ads_management', 'ads_read', 'business_management', 'public_profile'];

export function demoWorldSeed(): WorldSeed {
  return {
    apps: [
      {
        id: DEMO_APP_ID,
        name: DEMO_APP_NAME,
        secret: DEMO_APP_SECRET,
        redirectUris: [DEMO_REDIRECT_URI],
        requireProof: true,
      },
    ],
    users: [{ id: DEMO_USER_ID, name: DEMO_USER_NAME }],
    businesses: [
      { id: DEMO_BUSINESS_ID, name: DEMO_BUSINESS_NAME },
      { id: DEMO_AGENCY_BUSINESS_ID, name: DEMO_AGENCY_BUSINESS_NAME },
    ],
    systemUsers: [
      { id: DEMO_SYSTEM_USER_ID, name: DEMO_SYSTEM_USER_NAME, businessId: DEMO_BUSINESS_ID },
    ],
    adAccounts: [
      {
        id: DEMO_AD_ACCOUNT_ID,
        name: 'Northwind US',
        businessId: DEMO_BUSINESS_ID,
        accountStatus: 1,
        currency: 'USD',
        timezoneName: 'America/Los_Angeles',
        tosAccepted: true,
        tasks: { [DEMO_USER_ID]: [...ALL_TASKS], [DEMO_SYSTEM_USER_ID]: [...ALL_TASKS] },
      },
      {
        id: DEMO_NO_TOS_AD_ACCOUNT_ID,
        name: 'Northwind EU',
        businessId: DEMO_BUSINESS_ID,
        accountStatus: 1,
        currency: 'EUR',
        timezoneName: 'Europe/Berlin',
        tosAccepted: false,
        tasks: { [DEMO_USER_ID]: [...ALL_TASKS], [DEMO_SYSTEM_USER_ID]: [...ALL_TASKS] },
      },
      {
        id: DEMO_AGENCY_AD_ACCOUNT_ID,
        name: 'Bluebird Client Ads',
        businessId: DEMO_AGENCY_BUSINESS_ID,
        accountStatus: 1,
        currency: 'GBP',
        timezoneName: 'Europe/London',
        tosAccepted: true,
        tasks: { [DEMO_USER_ID]: ['ADVERTISE', 'ANALYZE'] },
      },
    ],
    tokens: [
      {
        token: DEMO_USER_TOKEN,
        appId: DEMO_APP_ID,
        personId: DEMO_USER_ID,
        scopes: FULL_SCOPES,
        expiresIn: 5_183_944,
      },
      {
        token: DEMO_SYSTEM_USER_TOKEN,
        appId: DEMO_APP_ID,
        personId: DEMO_SYSTEM_USER_ID,
        scopes: ['ads_management', 'ads_read', 'business_management'],
        expiresIn: 0,
      },
    ],
    audiences: [
      {
        id: DEMO_AUDIENCES.newsletter,
        accountId: DEMO_AD_ACCOUNT_ID,
        name: 'Newsletter subscribers',
        description: 'Everyone opted in to the weekly newsletter',
        members: 5000,
      },
      {
        id: DEMO_AUDIENCES.valueBased,
        accountId: DEMO_AD_ACCOUNT_ID,
        name: 'Top spenders (value-based)',
        isValueBased: true,
        members: 1200,
      },
      {
        id: DEMO_AUDIENCES.flagged,
        accountId: DEMO_AD_ACCOUNT_ID,
        name: 'Diabetes care prospects',
        operationStatus: 471,
        members: 800,
      },
      {
        id: DEMO_AUDIENCES.lapsed,
        accountId: DEMO_AD_ACCOUNT_ID,
        name: 'Lapsed buyers',
        members: 150,
      },
      {
        id: DEMO_AUDIENCES.lookalike,
        accountId: DEMO_AD_ACCOUNT_ID,
        name: 'Lookalike (US, 1%) - Newsletter subscribers',
        subtype: 'LOOKALIKE',
        originAudienceId: DEMO_AUDIENCES.newsletter,
        lookalikeSpec: {
          type: 'similarity',
          ratio: 0.01,
          country: 'US',
          allow_international_seeds: false,
        },
      },
    ],
    dialogUserId: DEMO_USER_ID,
  };
}
