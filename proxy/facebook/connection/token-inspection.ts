import type { ErrorCode } from '../../../shared/error-catalog.ts';
import { ApiError } from '../../http/api-error.ts';
import type { GraphClient } from '../graph/graph-client.ts';
import { classifyGraphError, GraphError } from '../graph/graph-error.ts';

/** What `/debug_token` says of a token (reference §1.8). */
export interface TokenInspection {
  valid: boolean;
  appId: string | null;
  /** USER, SYSTEM_USER, … */
  type: string;
  userId: string | null;
  scopes: string[];
  /** Null when the clock does not run (`0`, non-expiring system-user tokens). */
  expiresAt: Date | null;
  dataAccessExpiresAt: Date | null;
  /** Why the token does not work, when `valid` is false. */
  error?: { code?: number; subcode?: number; message: string };
  /** Issued to another app: Meta refuses to describe it to ours. */
  otherApp?: boolean;
}

interface DebugTokenData {
  app_id?: string;
  type?: string;
  user_id?: string;
  is_valid?: boolean;
  scopes?: string[];
  expires_at?: number;
  data_access_expires_at?: number;
  error?: { code?: number; subcode?: number; message?: string };
}

const unixDate = (seconds: number | undefined) => (seconds ? new Date(seconds * 1000) : null);

/** Asks `/debug_token` about `token`, as the app (`APP_ID|APP_SECRET`), which works even when the token does not. */
export async function inspectToken(graph: GraphClient, token: string): Promise<TokenInspection> {
  let data: DebugTokenData;
  try {
    ({ data = {} } = await graph.request<{ data?: DebugTokenData }>({
      path: 'debug_token',
      params: { input_token: token },
      token: graph.appToken,
    }));
  } catch (error) {
    // debug_token reports a dead input token as data: a 190 here refuses the app token.
    if (error instanceof GraphError && error.tokenRejected) {
      throw new ApiError(
        'facebook_app_secret_mismatch',
        `Facebook refused the relay's app credentials (FACEBOOK_APP_ID / FACEBOOK_APP_SECRET): ${error.message}`,
      );
    }
    if (!isOtherAppAnswer(error)) throw error;
    return {
      valid: false,
      appId: null,
      type: 'UNKNOWN',
      userId: null,
      scopes: [],
      expiresAt: null,
      dataAccessExpiresAt: null,
      error: { message: error.message },
      otherApp: true,
    };
  }
  return {
    valid: data.is_valid === true,
    appId: data.app_id ?? null,
    type: data.type ?? 'UNKNOWN',
    userId: data.user_id ?? null,
    scopes: data.scopes ?? [],
    expiresAt: unixDate(data.expires_at),
    dataAccessExpiresAt: unixDate(data.data_access_expires_at),
    ...(data.error
      ? {
          error: {
            code: data.error.code,
            subcode: data.error.subcode,
            message: data.error.message ?? 'Facebook says the token is not valid.',
          },
        }
      : {}),
  };
}

/**
 * A token of another app is not described but refused: "(#100) The App_id in the input_token
 * did not match the Viewing App". Meta gives it no subcode, so the text decides.
 */
function isOtherAppAnswer(error: unknown): error is GraphError {
  return (
    error instanceof GraphError &&
    error.graphCode === 100 &&
    error.graphSubcode === undefined &&
    /app_?id/i.test(error.message)
  );
}

/** The permission every audience write needs (error 294 without it, reference §1.2). */
export const REQUIRED_SCOPE = 'ads_management';

/**
 * Why the relay cannot use an inspected token (a catalog code and words for people), or
 * undefined when it can: valid, issued to this app, with `ads_management`.
 */
export function tokenProblem(
  inspection: TokenInspection,
  appId: string,
): { code: ErrorCode; message: string } | undefined {
  if (inspection.otherApp || (inspection.valid && inspection.appId !== appId)) {
    return {
      code: 'facebook_token_wrong_app',
      message: `The token was issued to another Facebook app than the relay's (${appId}).`,
    };
  }
  if (!inspection.valid) {
    const error = inspection.error ?? { message: 'Facebook says the token is not valid.' };
    // debug_token reports a dead token's 190 subcode: it names the reason.
    const entry = classifyGraphError({ ...error, code: error.code ?? 190 });
    return { code: entry.code as ErrorCode, message: error.message };
  }
  if (!inspection.scopes.includes(REQUIRED_SCOPE)) {
    return {
      code: 'facebook_ads_management_missing',
      message: `The token lacks the ${REQUIRED_SCOPE} permission (it has: ${inspection.scopes.join(', ') || 'none'}).`,
    };
  }
  return undefined;
}
