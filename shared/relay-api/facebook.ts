import { z } from 'zod';

const timestamp = z.iso.datetime();

/**
 * What `identity.getRedirectURL()` returns: Chrome's `https://<extension id>.chromiumapp.org/…`
 * (32 letters a-p) or Firefox's `https://<sha-1 hex>.extensions.allizom.org/…`. No query or
 * fragment: Facebook matches redirect URIs exactly (reference §1.3).
 */
const EXTENSION_REDIRECT_URL =
  /^https:\/\/([a-p]{32}\.chromiumapp\.org|[0-9a-f]{40}\.extensions\.allizom\.org)\/[^\s?#]*$/;

export const isExtensionRedirectUrl = (url: string): boolean => EXTENSION_REDIRECT_URL.test(url);

export const oauthStartRequest = z.object({
  redirectUrl: z
    .string()
    .max(500)
    .refine(isExtensionRedirectUrl, {
      message:
        "must be the extension's identity redirect URL: https://<32 letters a-p>.chromiumapp.org/… (Chrome) or https://<40 hex digits>.extensions.allizom.org/… (Firefox)",
    })
    .describe('What `identity.getRedirectURL()` returns in the extension.'),
});

export const oauthStartResponse = z.object({
  dialogUrl: z.url().describe('Open with `identity.launchWebAuthFlow({url, interactive: true})`.'),
  state: z.string().describe('Signed, single-use, bound to this workspace and redirect URL.'),
  expiresAt: timestamp.describe('Complete the sign-in before this (10 minutes).'),
});

export const oauthCompleteRequest = z.union([
  z.object({
    url: z
      .string()
      .max(4000)
      .describe('The URL `launchWebAuthFlow` resolved with (code or error, and state).'),
  }),
  z.object({ code: z.string().min(1).max(2000), state: z.string().min(1).max(2000) }),
]);

export const TOKEN_KINDS = ['user', 'system_user'] as const;
export const TOS_STATES = ['accepted', 'not_accepted', 'unknown'] as const;

/** Meta's `account_status` values (reference §2.1). */
export const AD_ACCOUNT_STATUS: Readonly<Record<number, string>> = {
  1: 'ACTIVE',
  2: 'DISABLED',
  3: 'UNSETTLED',
  7: 'PENDING_RISK_REVIEW',
  8: 'PENDING_SETTLEMENT',
  9: 'IN_GRACE_PERIOD',
  100: 'PENDING_CLOSURE',
  101: 'CLOSED',
  201: 'ANY_ACTIVE',
  202: 'ANY_CLOSED',
};

const business = z.object({ id: z.string(), name: z.string().nullable() }).nullable();

const adAccountBase = z.object({
  id: z.string().describe('`act_<number>`, as Graph paths use it.'),
  accountId: z.string().describe('The number alone.'),
  name: z.string(),
  business,
  accountStatus: z.number().int(),
  accountStatusName: z.string().describe('ACTIVE, DISABLED, … or UNKNOWN.'),
  customAudienceTos: z
    .enum(TOS_STATES)
    .describe('Custom Audience terms; `unknown` until the relay could check.'),
  tosUrl: z.url().describe('Where someone with access to the account accepts the terms.'),
});

export const availableAdAccount = adAccountBase.extend({
  active: z
    .boolean()
    .describe('In a state where ads can run (ACTIVE, PENDING_SETTLEMENT, IN_GRACE_PERIOD).'),
  userTasks: z.array(z.string()).describe('What the token may do on it: MANAGE, ADVERTISE, …'),
  canManageAudiences: z.boolean().describe('Has MANAGE or ADVERTISE.'),
  connected: z.boolean().describe('Among the accounts this workspace uses.'),
});
export type AvailableAdAccount = z.infer<typeof availableAdAccount>;

export const connectedAdAccount = adAccountBase.extend({
  accessible: z.boolean().describe('The token in use could see it at the last check.'),
  connectedAt: timestamp,
  checkedAt: timestamp.nullable(),
});
export type ConnectedAdAccountSummary = z.infer<typeof connectedAdAccount>;

export const tokenStatus = z.object({
  kind: z.enum(TOKEN_KINDS),
  facebookUser: z.object({ id: z.string(), name: z.string().nullable() }),
  type: z.string().describe("debug_token's type: USER, SYSTEM_USER, …"),
  valid: z.boolean(),
  invalidReason: z
    .object({
      code: z.string().describe('Error catalog code, e.g. facebook_token_password_changed.'),
      message: z.string().describe("Facebook's words."),
      at: timestamp,
    })
    .nullable(),
  scopes: z.array(z.string()),
  expiresAt: timestamp.nullable().describe('Null: never expires.'),
  expiresInDays: z.number().int().nullable(),
  expiringSoon: z.boolean().describe('Expires in under 7 days: reconnect before then.'),
  dataAccessExpiresAt: timestamp.nullable(),
  connectedAt: timestamp,
  checkedAt: timestamp,
});
export type TokenStatus = z.infer<typeof tokenStatus>;

export const facebookStatusResponse = z.object({
  mode: z.enum(['live', 'sandbox']).describe('sandbox: the relay talks to the Graph emulator.'),
  connected: z.boolean(),
  tokenInUse: z
    .enum(TOKEN_KINDS)
    .nullable()
    .describe('The System User token when there is one, else the user token.'),
  user: tokenStatus.nullable(),
  systemUser: tokenStatus.nullable(),
  adAccounts: z.array(connectedAdAccount),
  checkError: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Set when the live check could not run; the rest is from the last check.'),
});
export type FacebookStatusResponse = z.infer<typeof facebookStatusResponse>;

export const availableAdAccountsResponse = z.object({
  tokenInUse: z.enum(TOKEN_KINDS),
  adAccounts: z.array(availableAdAccount),
});

export const connectAdAccountsRequest = z.object({
  adAccountIds: z
    .array(z.string().regex(/^(act_)?\d+$/, 'must be an ad account id: act_<number> or <number>'))
    .max(200)
    .describe('The whole set the workspace uses; each must be visible to the token in use.'),
});

export const connectedAdAccountsResponse = z.object({ adAccounts: z.array(connectedAdAccount) });

export const systemUserTokenRequest = z.object({
  token: z.string().trim().min(20).max(1000).describe('A System User access token for this app.'),
});

export const systemUserTokenResponse = z.object({
  systemUser: tokenStatus,
  adAccounts: z.array(availableAdAccount),
});
