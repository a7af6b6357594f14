import { describe, expect, it } from 'vitest';
import {
  isExtensionRedirectUrl,
  oauthStartRequest,
} from '../../../../shared/relay-api/facebook.ts';

const CHROME_ID = 'chihbnmgnfgophcpegdfkaehnncmddeh';
const FIREFOX_HASH = '2b1c4b3f0e1d2c3b4a59687766554433221100ff';

describe('isExtensionRedirectUrl', () => {
  it.each([
    `https://${CHROME_ID}.chromiumapp.org/`,
    `https://${CHROME_ID}.chromiumapp.org/cb`,
    `https://${FIREFOX_HASH}.extensions.allizom.org/`,
  ])('accepts %s', (url) => {
    expect(isExtensionRedirectUrl(url)).toBe(true);
  });

  it.each([
    `http://${CHROME_ID}.chromiumapp.org/`,
    `https://${CHROME_ID}.chromiumapp.org`,
    `https://${CHROME_ID.replace('c', 'z')}.chromiumapp.org/`,
    `https://${CHROME_ID}x.chromiumapp.org/`,
    `https://${CHROME_ID}.chromiumapp.org.evil.example/`,
    `https://${CHROME_ID}.chromiumapp.org/?next=1`,
    `https://${CHROME_ID}.chromiumapp.org/#x`,
    `https://evil.example/${CHROME_ID}.chromiumapp.org/`,
    `https://${FIREFOX_HASH.toUpperCase()}.extensions.allizom.org/`,
    `https://${FIREFOX_HASH}.extensions.allizom.org.evil.example/`,
    'chrome-extension://chihbnmgnfgophcpegdfkaehnncmddeh/',
  ])('refuses %s', (url) => {
    expect(isExtensionRedirectUrl(url)).toBe(false);
  });

  it('explains the expected shape when the start request has another', () => {
    const parsed = oauthStartRequest.safeParse({ redirectUrl: 'https://example.com/' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('chromiumapp.org');
  });
});
