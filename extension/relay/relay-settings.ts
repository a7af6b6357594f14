import { z } from 'zod';
import { parseApiKey } from '../../shared/relay-api/api-key-format.ts';
import { en } from '../i18n/en.ts';

/** Where the relay is and the workspace key the extension signs in with. */
export interface RelaySettings {
  /** Normalised base URL: http(s), no trailing slash, no query or fragment. */
  url: string;
  /** `ar_live_…`: a secret, kept in `storage.local` only. */
  apiKey: string;
}

export type RelaySettingsField = keyof RelaySettings;

// http:// would send the workspace key in clear over the network; loopback never leaves the machine.
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;
const text = en.relayForm.errors;

const relayUrl = z
  .string()
  .trim()
  .min(1, text.urlMissing)
  // A bare host name is taken as https, the only scheme a remote relay may use.
  .transform((value) => (/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`))
  .transform((value, context) => {
    const url = URL.parse(value);
    if (!url || !/^https?:$/.test(url.protocol) || !url.hostname) {
      context.addIssue({ code: 'custom', message: text.urlInvalid });
      return z.NEVER;
    }
    if (url.username || url.password || url.search || url.hash) {
      context.addIssue({ code: 'custom', message: text.urlExtraParts });
      return z.NEVER;
    }
    if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
      context.addIssue({ code: 'custom', message: text.urlInsecure });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

const apiKey = z
  .string()
  .trim()
  .min(1, text.keyMissing)
  .refine((value) => parseApiKey(value) !== undefined, text.keyInvalid);

/** Settings as typed by a person or sent to the background: checked and normalised. */
export const relaySettingsSchema = z.object({ url: relayUrl, apiKey }) satisfies z.ZodType<
  RelaySettings,
  unknown
>;

export type RelaySettingsCheck =
  | { ok: true; settings: RelaySettings }
  | { ok: false; errors: Partial<Record<RelaySettingsField, string>> };

/** Checks what was typed into the relay form; each field gets at most one message. */
export function checkRelaySettings(input: { url: string; apiKey: string }): RelaySettingsCheck {
  const parsed = relaySettingsSchema.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<RelaySettingsField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'url' || field === 'apiKey') && !errors[field]) errors[field] = issue.message;
  }
  return { ok: false, errors };
}

/** The public id of a workspace key (the part before its secret), to show which key is saved. */
export function workspaceKeyId(apiKey: string): string | undefined {
  return parseApiKey(apiKey)?.keyId;
}

/**
 * The host-permission pattern that lets the background reach this relay: its scheme and host,
 * any port (Firefox's match patterns cannot name one; Chrome's match every port without one).
 */
export function relayOriginPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
