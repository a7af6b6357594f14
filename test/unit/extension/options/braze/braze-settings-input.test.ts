import { describe, expect, it } from 'vitest';
import { en } from '../../../../../extension/i18n/en.ts';
import { checkBrazeSettings } from '../../../../../extension/options/braze/braze-settings-input.ts';

const errors = en.options.braze.errors;
const KEY = 'b2f4c0de-rest-key';

describe('checkBrazeSettings', () => {
  it.each([
    ['https://rest.iad-01.braze.com', 'https://rest.iad-01.braze.com'],
    ['  https://rest.fra-02.braze.eu/ ', 'https://rest.fra-02.braze.eu'],
    ['rest.iad-03.braze.com', 'https://rest.iad-03.braze.com'],
    ['http://127.0.0.1:8791', 'http://127.0.0.1:8791'],
  ])('sends %s as the REST endpoint %s', (endpoint, restEndpoint) => {
    expect(checkBrazeSettings({ endpoint, apiKey: ` ${KEY} ` })).toEqual({
      ok: true,
      request: { restEndpoint, apiKey: KEY },
    });
  });

  it.each([
    'https://dashboard-01.braze.com/engagement/segmenter/edit/abc/def',
    'dashboard-02.braze.eu',
    'https://dashboard.us-07.braze.com',
  ])('sends the dashboard %s for the relay to derive the endpoint from', (endpoint) => {
    expect(checkBrazeSettings({ endpoint, apiKey: KEY })).toEqual({
      ok: true,
      request: { dashboardUrl: endpoint, apiKey: KEY },
    });
  });

  it.each([
    ['', errors.endpointMissing],
    ['   ', errors.endpointMissing],
    ['http://rest.iad-01.braze.com', errors.endpointInvalid],
    ['https://user:pw@rest.iad-01.braze.com', errors.endpointInvalid],
    ['not a url', errors.endpointInvalid],
    ['https://dashboard.example.com', errors.dashboardUnknown],
  ])('refuses the address %j', (endpoint, message) => {
    expect(checkBrazeSettings({ endpoint, apiKey: KEY })).toEqual({
      ok: false,
      errors: { endpoint: message },
    });
  });

  it('refuses a missing or short key, with the address’s problem too', () => {
    expect(checkBrazeSettings({ endpoint: 'rest.iad-01.braze.com', apiKey: ' ' })).toEqual({
      ok: false,
      errors: { apiKey: errors.keyMissing },
    });
    expect(checkBrazeSettings({ endpoint: '', apiKey: 'short' })).toEqual({
      ok: false,
      errors: { endpoint: errors.endpointMissing, apiKey: errors.keyTooShort },
    });
  });
});
