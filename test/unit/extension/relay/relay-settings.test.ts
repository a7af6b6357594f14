import { describe, expect, it } from 'vitest';
import { en } from '../../../../extension/i18n/en.ts';
import {
  checkRelaySettings,
  relayOriginPattern,
  workspaceKeyId,
} from '../../../../extension/relay/relay-settings.ts';
import { API_KEY, KEY_ID } from './fake-relay.ts';

const errors = en.relayForm.errors;
const withUrl = (url: string) => checkRelaySettings({ url, apiKey: API_KEY });
const withKey = (apiKey: string) =>
  checkRelaySettings({ url: 'https://relay.example.com', apiKey });

describe('checkRelaySettings', () => {
  it.each([
    ['https://relay.example.com', 'https://relay.example.com'],
    ['  https://relay.example.com/  ', 'https://relay.example.com'],
    ['HTTPS://Relay.Example.com', 'https://relay.example.com'],
    ['relay.example.com', 'https://relay.example.com'],
    ['relay.example.com:8443', 'https://relay.example.com:8443'],
    ['https://example.com/tools/relay/', 'https://example.com/tools/relay'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/', 'http://localhost:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('takes %j as %s', (url, normalised) => {
    expect(withUrl(url)).toEqual({ ok: true, settings: { url: normalised, apiKey: API_KEY } });
  });

  it.each([
    ['', errors.urlMissing],
    ['   ', errors.urlMissing],
    ['https://', errors.urlInvalid],
    ['ftp://relay.example.com', errors.urlInvalid],
    ['javascript:alert(1)', errors.urlInvalid],
    ['https://relay example.com', errors.urlInvalid],
    ['https://admin:secret@relay.example.com', errors.urlExtraParts],
    ['https://relay.example.com/?key=1', errors.urlExtraParts],
    ['https://relay.example.com/#top', errors.urlExtraParts],
    ['http://relay.example.com', errors.urlInsecure],
    ['http://192.168.1.20:8787', errors.urlInsecure],
  ])('refuses the address %j', (url, message) => {
    expect(withUrl(url)).toEqual({ ok: false, errors: { url: message } });
  });

  it('takes a pasted key with spaces around it', () => {
    expect(withKey(`  ${API_KEY}\n`)).toMatchObject({ ok: true, settings: { apiKey: API_KEY } });
  });

  it.each([
    ['', errors.keyMissing],
    ['ar_live_', errors.keyInvalid],
    [API_KEY.slice(0, -1), errors.keyInvalid],
    [API_KEY.replace('ar_live_', 'ar_test_'), errors.keyInvalid],
    [`Bearer ${API_KEY}`, errors.keyInvalid],
  ])('refuses the key %j', (apiKey, message) => {
    expect(withKey(apiKey)).toEqual({ ok: false, errors: { apiKey: message } });
  });

  it('reports both fields at once, one message each', () => {
    expect(checkRelaySettings({ url: 'http://relay.example.com', apiKey: '' })).toEqual({
      ok: false,
      errors: { url: errors.urlInsecure, apiKey: errors.keyMissing },
    });
  });
});

describe('workspaceKeyId', () => {
  it('is the public part of a key', () => {
    expect(workspaceKeyId(API_KEY)).toBe(KEY_ID);
    expect(workspaceKeyId('not a key')).toBeUndefined();
  });
});

describe('relayOriginPattern', () => {
  it('covers the relay’s scheme and host, whatever its port and path', () => {
    expect(relayOriginPattern('https://example.com:8443/tools/relay')).toBe(
      'https://example.com/*',
    );
    expect(relayOriginPattern('http://127.0.0.1:8787')).toBe('http://127.0.0.1/*');
    expect(relayOriginPattern('http://[::1]:8787')).toBe('http://[::1]/*');
  });
});
