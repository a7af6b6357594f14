import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import { checkExtraDashboardHost } from '../../../../extension/segment-page/dashboard-host-input.ts';
import { isDashboardUrl } from '../../../../extension/segment-page/dashboard-hosts.ts';
import { extraDashboardHostPattern } from '../../../../extension/segment-page/extra-dashboard-hosts.ts';
import { parseSegmentUrl } from '../../../../extension/segment-page/parse-segment-url.ts';

const errors = en.options.dashboards.errors;
const ID = '0123456789abcdef01234567';
const PATH = `/engagement/segmenter/edit/${ID}/${ID}`;

describe('checkExtraDashboardHost', () => {
  it.each([
    ['braze.example.com', 'https://braze.example.com'],
    [' https://Braze.Example.com/engagement/x?y#z ', 'https://braze.example.com'],
    ['https://braze.example.com:8443', 'https://braze.example.com'],
    ['http://braze.acme.test/', 'http://braze.acme.test'],
  ])('keeps the scheme and host of %j', (input, host) => {
    expect(checkExtraDashboardHost(input)).toEqual({ ok: true, host });
  });

  it.each([
    ['', errors.missing],
    ['   ', errors.missing],
    ['ftp://braze.example.com', errors.invalid],
    ['file:///etc/passwd', errors.invalid],
    ['localhost', errors.invalid],
    ['https://', errors.invalid],
  ])('refuses %j', (input, error) => {
    expect(checkExtraDashboardHost(input)).toEqual({ ok: false, error });
  });

  it('makes a match pattern without a port', () => {
    expect(extraDashboardHostPattern('https://braze.example.com')).toBe(
      'https://braze.example.com/*',
    );
  });
});

describe('dashboards with extra hosts', () => {
  const extraHosts = ['https://braze.example.com'];

  it('counts an enabled host as a dashboard, on any port, with its segment path', () => {
    expect(isDashboardUrl(new URL('https://braze.example.com:8443/x'), { extraHosts })).toBe(true);
    expect(parseSegmentUrl(`https://braze.example.com${PATH}`, { extraHosts })).toEqual({
      host: 'braze.example.com',
      segmentId: ID,
      workspaceId: ID,
    });
  });

  it('does not count the same host over another scheme, or any other host', () => {
    expect(isDashboardUrl(new URL('http://braze.example.com/'), { extraHosts })).toBe(false);
    expect(isDashboardUrl(new URL('https://evil.example.com/'), { extraHosts })).toBe(false);
    expect(isDashboardUrl(new URL('https://sub.braze.example.com/'), { extraHosts })).toBe(false);
  });

  it('keeps the built-in dashboards', () => {
    expect(isDashboardUrl(new URL('https://dashboard-01.braze.com/'), { extraHosts })).toBe(true);
  });
});
