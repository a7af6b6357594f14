import {
  normalizeRestEndpoint,
  restEndpointFromDashboard,
} from '../../../shared/braze-rest-endpoint.ts';
import type { BrazeSettingsRequest } from '../../../shared/relay-api/braze.ts';
import { en } from '../../i18n/en.ts';

const errors = en.options.braze.errors;
// The relay refuses shorter keys (`brazeSettingsRequest`); say so before sending.
const MIN_KEY_LENGTH = 8;

export type BrazeSettingsField = 'endpoint' | 'apiKey';

export type BrazeSettingsCheck =
  | { ok: true; request: BrazeSettingsRequest }
  | { ok: false; errors: Partial<Record<BrazeSettingsField, string>> };

/**
 * The form's two fields as the relay's request. One field takes either the REST endpoint or
 * a dashboard address: a dashboard of a known Braze instance is sent as such (the relay
 * derives the endpoint from it); anything else must be an endpoint itself.
 */
export function checkBrazeSettings({
  endpoint,
  apiKey,
}: {
  endpoint: string;
  apiKey: string;
}): BrazeSettingsCheck {
  const target = endpointOrDashboard(endpoint.trim());
  const key = apiKey.trim();
  const keyError = !key ? errors.keyMissing : key.length < MIN_KEY_LENGTH ? errors.keyTooShort : '';
  if (typeof target === 'string' || keyError) {
    return {
      ok: false,
      errors: {
        ...(typeof target === 'string' && { endpoint: target }),
        ...(keyError && { apiKey: keyError }),
      },
    };
  }
  return { ok: true, request: { ...target, apiKey: key } };
}

/** Which of the request's two fields an address is, or why it is neither. */
function endpointOrDashboard(
  address: string,
): { dashboardUrl: string } | { restEndpoint: string } | string {
  if (!address) return errors.endpointMissing;
  if (restEndpointFromDashboard(address) !== null) return { dashboardUrl: address };
  // People paste hosts without a scheme; Braze's endpoints are all https.
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `https://${address}`;
  const restEndpoint = normalizeRestEndpoint(url);
  if (restEndpoint === null) return errors.endpointInvalid;
  // A dashboard the instance table does not know is no REST endpoint either.
  if (new URL(restEndpoint).hostname.startsWith('dashboard')) return errors.dashboardUnknown;
  return { restEndpoint };
}
