import type { EntryText, FacebookErrorClass } from './types.ts';

/**
 * Facebook errors reach the extension through the relay: 503 when waiting fixes them, 502
 * (Facebook refused) otherwise. Clients branch on `code`, not on the status.
 */
const STATUS: Record<FacebookErrorClass, number> = {
  reauthorize: 502,
  terms: 502,
  access: 502,
  integrity: 502,
  'bad-data': 502,
  throttled: 503,
  transient: 503,
  unknown: 502,
};

const facebook = (
  errorClass: FacebookErrorClass,
  entry: Omit<EntryText, 'httpStatus' | 'errorClass'> & { httpStatus?: number },
): EntryText => ({ httpStatus: STATUS[errorClass], errorClass, ...entry });

const RECONNECT =
  "A workspace admin opens the extension's options, chooses Facebook → Disconnect, then Connect Facebook again and approves every permission asked for.";
const LOG_OUT_AND_IN =
  'The person who connected Facebook logs out of Facebook in the browser and logs in again.';
const SYSTEM_USER_TIP =
  'To avoid this in future, an admin can enter a System User token (Business settings → System users), which does not expire with a person’s login.';
const BUSINESS_ACCESS =
  'In Meta Business Suite → Business settings → Ad accounts, a business admin gives the connecting person (or the system user) full control ("Manage ad account") of {adAccountId}.';
const CONTACT_OPERATOR =
  'If it keeps happening, send the request id shown with the error to whoever runs your relay.';

/**
 * Facebook errors, generic per class (`facebook_<class>`) and for each case worth its own
 * advice, following Braze's troubleshooting table and Meta's error reference
 * (braze-and-platforms.md §3.2, meta-custom-audiences-api.md §6).
 */
export const FACEBOOK_ERRORS = {
  // ── reauthorize ────────────────────────────────────────────────────────────────────────
  facebook_reauthorize: facebook('reauthorize', {
    title: 'Facebook connection needs renewing',
    explanation:
      "Facebook no longer accepts the workspace's connection. This happens when the person who connected Facebook changes their password, removes the app, is removed from the business, or when the connection expires.",
    steps: [LOG_OUT_AND_IN, RECONNECT, SYSTEM_USER_TIP],
    graph: [{ code: 190 }, { code: 102 }],
  }),
  facebook_not_connected: facebook('reauthorize', {
    httpStatus: 409,
    title: 'Facebook not connected',
    explanation:
      'This workspace has no Facebook connection yet, so the relay cannot reach any ad account.',
    steps: [
      "A workspace admin opens the extension's options and chooses Connect Facebook (or enters a System User token).",
      'Then the admin picks the ad accounts the workspace may use.',
    ],
  }),
  facebook_token_password_changed: facebook('reauthorize', {
    title: 'Facebook password changed',
    explanation:
      "The person who connected Facebook changed their Facebook password. That ends every session Facebook had given out, including the workspace's connection.",
    steps: [LOG_OUT_AND_IN, RECONNECT, SYSTEM_USER_TIP],
    graph: [{ code: 190, subcode: 460 }],
  }),
  facebook_token_expired: facebook('reauthorize', {
    title: 'Facebook connection expired',
    explanation:
      'Connections made by logging in to Facebook last about 60 days. Facebook offers no way to extend one: the connection has to be made again.',
    steps: [RECONNECT, SYSTEM_USER_TIP],
    graph: [{ code: 190, subcode: 463 }],
  }),
  facebook_token_revoked: facebook('reauthorize', {
    title: 'Facebook access removed',
    explanation:
      "The app's access was removed: the person who connected Facebook removed the app from their Facebook settings, or a business admin removed it from the business.",
    steps: [
      'If the business removed the app, a business admin adds it back under Business settings → Integrations → Connected apps.',
      RECONNECT,
    ],
    graph: [{ code: 190, subcode: 458 }],
  }),
  facebook_user_checkpointed: facebook('reauthorize', {
    title: 'Facebook asks for a security check',
    explanation:
      'Facebook has put a security checkpoint on the account that connected the workspace. Until that person logs in at facebook.com and completes the check, Facebook refuses every request made with the connection.',
    steps: [
      'The person who connected Facebook logs in at https://www.facebook.com and follows the instructions shown.',
      RECONNECT,
    ],
    graph: [{ code: 190, subcode: 459 }],
  }),
  facebook_user_unconfirmed: facebook('reauthorize', {
    title: 'Facebook account not confirmed',
    explanation:
      'The Facebook account that connected the workspace is not confirmed yet: Facebook is waiting for its owner to confirm their email address or phone number.',
    steps: [
      'The person who connected Facebook logs in at https://www.facebook.com and confirms their email address or phone number.',
      RECONNECT,
    ],
    graph: [{ code: 190, subcode: 464 }],
  }),
  facebook_token_invalid: facebook('reauthorize', {
    title: 'Error validating the Facebook connection',
    explanation:
      "Facebook says the workspace's connection is not valid any more. It may have expired, been revoked, or been ended by Facebook for security reasons.",
    steps: [
      LOG_OUT_AND_IN,
      RECONNECT,
      'If it still fails, check in Business settings that the person still has access to the ad accounts, then connect again.',
    ],
    graph: [{ code: 190, subcode: 467 }],
  }),
  facebook_app_secret_mismatch: facebook('reauthorize', {
    title: "Relay's Facebook app settings are wrong",
    explanation:
      "Facebook rejected the relay's proof that it acts for its Facebook app: the app secret itself, or the signature made from it on every call (appsecret_proof). This usually means the relay's FACEBOOK_APP_SECRET does not belong to FACEBOOK_APP_ID, or to the app the connection was made with.",
    steps: [
      'The relay operator checks that FACEBOOK_APP_ID and FACEBOOK_APP_SECRET belong to the same Facebook app, and restarts the relay.',
      RECONNECT,
    ],
    graph: [{ code: 104 }, { code: 1, messageIncludes: 'client secret' }],
  }),

  facebook_consent_denied: facebook('reauthorize', {
    httpStatus: 400,
    title: 'Facebook connection cancelled',
    explanation:
      'The Facebook window was closed or Cancel was chosen, so Facebook gave the relay no access and nothing was connected.',
    steps: [
      "Choose Connect Facebook again in the extension's options and approve every permission asked for.",
    ],
  }),
  facebook_oauth_code_used: facebook('reauthorize', {
    httpStatus: 409,
    title: 'Facebook sign-in already used',
    explanation:
      'Facebook gives each sign-in a one-time code, and this one was already exchanged. This happens when the same answer is sent twice, for example after a retry.',
    steps: [
      "Check the Facebook status in the extension's options: the connection may already be in place.",
      'If it is not, choose Connect Facebook again.',
    ],
    graph: [{ code: 100, subcode: 36009 }],
  }),
  facebook_oauth_code_expired: facebook('reauthorize', {
    httpStatus: 400,
    title: 'Facebook sign-in expired',
    explanation:
      'The one-time code Facebook gave at sign-in expires after a few minutes, and it expired before the relay could use it.',
    steps: ["Choose Connect Facebook again in the extension's options and finish it in one go."],
    graph: [{ code: 100, subcode: 36007 }],
  }),
  facebook_oauth_redirect_mismatch: facebook('reauthorize', {
    httpStatus: 400,
    title: "Facebook app doesn't know this extension",
    explanation:
      "Facebook refused the sign-in because the extension's redirect address is not exactly one of the Valid OAuth Redirect URIs of the relay's Facebook app.",
    steps: [
      "The relay operator adds the extension's redirect address (https://<extension-id>.chromiumapp.org/) under Facebook Login → Settings → Valid OAuth Redirect URIs of the app.",
      'Then choose Connect Facebook again.',
    ],
    graph: [{ code: 100, subcode: 36008 }],
  }),
  facebook_token_wrong_app: facebook('reauthorize', {
    httpStatus: 400,
    title: 'Token made for another Facebook app',
    explanation:
      "The token was issued to a different Facebook app than the relay's, so the relay cannot use it: Facebook would refuse every call the relay signs with it.",
    steps: [
      "In Business settings → System users, generate the token for the relay's app (the operator knows its name), with the ads_management permission.",
      'Paste the new token.',
    ],
  }),
  // ── terms ──────────────────────────────────────────────────────────────────────────────
  facebook_terms: facebook('terms', {
    title: 'Facebook terms not accepted',
    explanation:
      'Facebook requires its terms to be accepted for the ad account before audiences can be created or changed.',
    steps: [
      'Someone with admin access to ad account {adAccountId} opens {termsUrl} and accepts the terms.',
      'Try again. If Facebook still refuses, reconnect Facebook so the connection picks up the change.',
    ],
  }),
  facebook_custom_audience_terms_not_accepted: facebook('terms', {
    title: 'Custom Audience terms not accepted',
    explanation:
      "Facebook only lets an ad account use customer lists after someone has accepted its Custom Audience Terms for that account. Facebook also asks again from time to time, so terms accepted before may need accepting once more. For an ad account shared by a business, the terms must be accepted on the business's behalf.",
    steps: [
      'Someone with admin access to ad account {adAccountId} opens {termsUrl}, checks that the right ad account is chosen, and accepts the terms.',
      "In the extension's options, check that the Facebook status shows the terms as accepted (reconnect Facebook if it does not).",
      'Try the export again.',
      'If it still fails, ask another admin of the ad account to accept the terms.',
    ],
    graph: [
      { code: 200, subcode: 1870034 },
      { code: 200, subcode: 1870090 },
      { code: 1870090 },
      { code: 2663 },
      { code: 2655 },
    ],
  }),
  facebook_business_tools_terms_not_accepted: facebook('terms', {
    title: 'Meta Business Tools terms not accepted',
    explanation:
      'Facebook asks the business that owns the ad account to accept the Meta Business Tools Terms before its customer data may be used.',
    steps: [
      'A business admin opens Meta Business Suite for the business that owns ad account {adAccountId} and accepts the Meta Business Tools Terms when asked.',
      'Try again.',
    ],
    graph: [{ code: 1870092 }],
  }),

  // ── access ─────────────────────────────────────────────────────────────────────────────
  facebook_access: facebook('access', {
    title: 'No permission on Facebook',
    explanation:
      'The Facebook account connected to this workspace lacks a permission Facebook requires for this action.',
    steps: [BUSINESS_ACCESS, RECONNECT],
    graph: [{ code: 3 }, { code: 10 }, { code: 200 }],
  }),
  facebook_ad_account_access_denied: facebook('access', {
    title: 'No access to the ad account',
    explanation:
      'The Facebook account connected to this workspace may not change audiences in ad account {adAccountId}. It needs admin or full-control access to the ad account, and the ad account must belong to a business it is part of.',
    steps: [
      BUSINESS_ACCESS,
      'Check in Ads Manager → Account overview that the ad account has no open alerts (for example an expired payment method).',
      RECONNECT,
      'If the Facebook app is still in development, the connecting person must also be an admin of the app (the relay operator can add them).',
    ],
    graph: [
      { code: 200, subcode: 1870050 },
      { code: 270 },
      { code: 273 },
      { code: 2654, subcode: 1713092 },
    ],
  }),
  facebook_ads_management_missing: facebook('access', {
    title: 'Permission to manage ads missing',
    explanation:
      "The Facebook connection does not include the 'ads_management' permission, which Facebook requires to create and change audiences, or the Facebook app is not yet approved for the Marketing API.",
    steps: [
      RECONNECT,
      'The relay operator checks that the Facebook app has the Marketing API product and the access level it needs for ads_management.',
    ],
    graph: [{ code: 294 }],
  }),
  facebook_audience_not_found: facebook('access', {
    title: 'Audience does not exist',
    explanation:
      'Facebook cannot find the audience: it was deleted, or the connected Facebook account lost access to it (for example because it is not shared with the ad account).',
    steps: [
      'A workspace admin checks in Facebook Audience Manager that the audience still exists.',
      'If it exists, give the connecting person access to it (or to its ad account) in Business settings.',
      'If it was deleted on purpose, choose another audience or let the export create a new one.',
    ],
    graph: [{ code: 100, subcode: 33 }, { code: 1487366 }, { code: 1487301 }],
  }),

  facebook_audience_not_editable: facebook('access', {
    httpStatus: 422,
    title: 'Audience not editable',
    explanation:
      'The Facebook account connected to this workspace may see this audience but not change its members: the audience belongs to, or is only shared with, an ad account it cannot manage.',
    steps: [
      BUSINESS_ACCESS,
      'Or choose an audience the connection can edit, or let the sync create a new one.',
    ],
  }),
  facebook_ad_account_not_visible: facebook('access', {
    httpStatus: 400,
    title: 'Ad account not available',
    explanation:
      'The Facebook connection of this workspace cannot see ad account {adAccountId}, so the workspace cannot use it.',
    steps: [BUSINESS_ACCESS, "Then open the extension's options and choose the ad accounts again."],
  }),

  // ── integrity ──────────────────────────────────────────────────────────────────────────
  facebook_integrity: facebook('integrity', {
    title: 'Restricted by Facebook',
    explanation:
      'Facebook has restricted this audience after an integrity review and blocks changes to it.',
    steps: [
      'Open the audience in Facebook Audience Manager to see the restriction and appeal it, or create a new audience.',
    ],
  }),
  facebook_audience_integrity_flagged: facebook('integrity', {
    title: 'Audience flagged by Facebook',
    explanation:
      'Facebook flagged this audience because its name, description or data may suggest restricted information about people, such as health conditions or financial status. Facebook blocks uploads to a flagged audience, and ad sets using it show "with issues".',
    steps: [
      'Open the audience in Facebook Audience Manager and appeal the restriction if it is a mistake.',
      'Or create a new audience with a neutral name and description, and point exports and syncs at it.',
    ],
    graph: [
      { code: 100, subcode: 1713230 },
      { code: 100, subcode: 1713231 },
      { code: 100, subcode: 1713228 },
    ],
  }),
  facebook_lookalike_seed_restricted: facebook('integrity', {
    title: 'Source audience restricted',
    explanation:
      'Facebook will not build a lookalike from this audience because the audience itself is restricted after an integrity review.',
    steps: [
      'Pick another source audience, or resolve the restriction in Facebook Audience Manager first.',
    ],
    graph: [{ code: 100, subcode: 1713232 }],
  }),

  // ── bad data ───────────────────────────────────────────────────────────────────────────
  facebook_bad_data: facebook('bad-data', {
    title: 'Facebook rejected the data',
    explanation:
      'Facebook refused the request because part of what was sent did not meet its rules. Sending the same thing again would fail the same way.',
    steps: ['Check the chosen fields and audience settings, then try again.', CONTACT_OPERATOR],
    graph: [{ code: 100 }, { code: 105 }, { code: 194 }, { code: 2650 }],
  }),
  facebook_audience_too_small: facebook('bad-data', {
    title: 'Audience size too low',
    explanation:
      'Facebook refuses to remove people from an audience when that would leave it too small to deliver ads (typically under about 1,000 people). Removals wait until the audience is bigger.',
    steps: [
      'Add people to the audience as well as removing them, so it never runs down toward zero.',
      'Or remove the people by creating a fresh audience without them.',
    ],
    graph: [{ code: 200, subcode: 1870047 }],
  }),
  facebook_audience_limit_reached: facebook('bad-data', {
    title: '500 audience limit reached',
    explanation:
      'A Facebook ad account can hold at most 500 customer-list audiences, and ad account {adAccountId} has reached that limit, so no new audience can be created in it.',
    steps: [
      'In Facebook Audience Manager, delete customer-list audiences that are no longer used.',
      'Or export into an existing audience, or into another ad account.',
    ],
    graph: [{ code: 2654, messageIncludes: 'maximum of' }],
  }),
  facebook_lookalike_seed_too_small: facebook('bad-data', {
    title: 'Source audience too small for a lookalike',
    explanation:
      'Facebook builds a lookalike only from a source audience of at least 100 people in the chosen countries. This audience has fewer people Facebook could use.',
    steps: [
      'Export a larger segment (or more fields, such as Phone number as well as Email) into the audience, then try again.',
      'Or choose another country, where more of the audience lives.',
    ],
    graph: [{ code: 2654, messageIncludes: 'source audience must contain' }],
  }),
  facebook_value_based_audience_not_supported: facebook('bad-data', {
    title: 'Value-based audiences not supported',
    explanation:
      'The chosen audience is a value-based custom audience, which expects a customer value for each person. Audience Relay sends customer lists without values, so it cannot add to this audience.',
    steps: [
      'In Facebook Ads Manager, go to Audiences → Create audience → Custom audience → Customer list.',
      'Upload the list without the Value column and choose "No, continue with a customer list that doesn\'t include customer value".',
      'Export or sync into that new audience instead.',
    ],
    graph: [{ code: 100, messageIncludes: 'Value-Based' }],
  }),
  facebook_api_version_deprecated: facebook('bad-data', {
    title: 'Relay uses an outdated Facebook API version',
    explanation:
      'Facebook no longer serves the Marketing API version this relay is set to use, so it refuses every call.',
    steps: [
      'The relay operator sets FACEBOOK_API_VERSION to a current version (or removes it to use the default) and restarts the relay.',
    ],
    graph: [{ code: 2635 }],
  }),

  // ── throttled ──────────────────────────────────────────────────────────────────────────
  facebook_throttled: facebook('throttled', {
    title: 'Facebook asked the relay to slow down',
    explanation:
      'Facebook limits how many calls an ad account and an app may make per hour. The relay pauses for as long as Facebook says and then carries on by itself; nothing is lost.',
    steps: [
      'Nothing to do: the relay resumes by itself.',
      'If it happens often, run large exports at quieter times or spread them over several ad accounts.',
    ],
    graph: [
      { code: 4 },
      { code: 17 },
      { code: 32 },
      { code: 341 },
      { code: 613 },
      { code: 80000 },
      { code: 80003 },
      { code: 80004 },
      { code: 80009 },
      { code: 80014 },
    ],
  }),
  facebook_temporarily_blocked: facebook('throttled', {
    title: 'Temporarily blocked by Facebook',
    explanation:
      'Facebook has temporarily blocked this kind of action for the connected account, usually because it considered recent activity abusive or against its policies. Retrying straight away makes it worse.',
    steps: [
      'Wait before trying again (an hour or more).',
      'Check Facebook Account Quality (Business settings) for a policy notice, and resolve it.',
    ],
    graph: [{ code: 368 }],
  }),

  // ── transient ──────────────────────────────────────────────────────────────────────────
  facebook_transient: facebook('transient', {
    title: 'Facebook is temporarily unavailable',
    explanation:
      'Facebook answered with a temporary error. The relay retries by itself, waiting a little longer each time.',
    steps: [
      'Nothing to do: the relay retries by itself.',
      'If it lasts for hours, check https://metastatus.com for a Facebook outage.',
    ],
    graph: [{ code: 1 }, { code: 2 }, { code: 2650, subcode: 1870148 }],
  }),

  // ── unknown ────────────────────────────────────────────────────────────────────────────
  facebook_unknown: facebook('unknown', {
    title: 'Unexpected Facebook error',
    explanation:
      "Facebook returned an error the relay does not recognise. Facebook's own message and trace id are kept in the relay's log.",
    steps: ['Try again.', CONTACT_OPERATOR],
  }),
} satisfies Record<string, EntryText>;

export type FacebookErrorCode = keyof typeof FACEBOOK_ERRORS;

/** The generic entry of each class, used when no more specific entry matches. */
export const CLASS_ENTRY: Record<FacebookErrorClass, FacebookErrorCode> = {
  reauthorize: 'facebook_reauthorize',
  terms: 'facebook_terms',
  access: 'facebook_access',
  integrity: 'facebook_integrity',
  'bad-data': 'facebook_bad_data',
  throttled: 'facebook_throttled',
  transient: 'facebook_transient',
  unknown: 'facebook_unknown',
};
