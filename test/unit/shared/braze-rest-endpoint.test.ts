import { describe, expect, it } from 'vitest';
import {
  normalizeRestEndpoint,
  restEndpointFromDashboard,
} from '../../../shared/braze-rest-endpoint.ts';

describe('restEndpointFromDashboard', () => {
  it.each([
    ['dashboard-01.braze.com', 'https://rest.iad-01.braze.com'],
    [
      'https://dashboard-08.braze.com/engagement/segmenter/edit/a/b?locale=en',
      'https://rest.iad-08.braze.com',
    ],
    ['DASHBOARD-02.BRAZE.EU', 'https://rest.fra-02.braze.eu'],
    ['https://dashboard.us-10.braze.com', 'https://rest.us-10.braze.com'],
    ['dashboard.au-01.braze.com', 'https://rest.au-01.braze.com'],
    ['https://dashboard.jp-01.braze.com/x', 'https://rest.jp-01.braze.com'],
  ])('%s → %s', (dashboard, rest) => {
    expect(restEndpointFromDashboard(dashboard)).toBe(rest);
  });

  it.each([
    'https://example.com',
    'dashboard-01.braze.com.evil.example',
    'dashboard.braze.com',
    'rest.iad-01.braze.com',
    'dashboard-1.braze.com',
    '',
    'http://[not a host',
  ])('derives nothing from %j', (dashboard) => {
    expect(restEndpointFromDashboard(dashboard)).toBeNull();
  });
});

describe('normalizeRestEndpoint', () => {
  it('keeps the origin of an https URL', () => {
    expect(normalizeRestEndpoint(' https://rest.iad-01.braze.com/ ')).toBe(
      'https://rest.iad-01.braze.com',
    );
    expect(normalizeRestEndpoint('https://rest.fra-01.braze.eu/users/export')).toBe(
      'https://rest.fra-01.braze.eu',
    );
  });

  it('allows plain http only on the loopback address (the emulator)', () => {
    expect(normalizeRestEndpoint('http://127.0.0.1:8791')).toBe('http://127.0.0.1:8791');
    expect(normalizeRestEndpoint('http://rest.iad-01.braze.com')).toBeNull();
  });

  it.each([
    'rest.iad-01.braze.com',
    'ftp://rest.iad-01.braze.com',
    'https://user:pw@rest.iad-01.braze.com',
  ])('refuses %s', (input) => {
    expect(normalizeRestEndpoint(input)).toBeNull();
  });
});
