import { describe, expect, it } from 'vitest';
import {
  generateApiKey,
  hashApiKeySecret,
  parseApiKey,
  verifyApiKeySecret,
} from '../../../../proxy/auth/api-key.ts';

describe('workspace keys', () => {
  it('are prefixed and parse back into id and secret', () => {
    const { keyId, secret, apiKey } = generateApiKey();
    expect(apiKey).toMatch(/^ar_live_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(apiKey)).toEqual({ keyId, secret });
    expect(parseApiKey(`  ${apiKey}\n`)).toEqual({ keyId, secret });
  });

  it('are random', () => {
    const keys = new Set(Array.from({ length: 20 }, () => generateApiKey().apiKey));
    expect(keys.size).toBe(20);
  });

  it.each([
    '',
    'ar_live_',
    'ar_test_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'ar_live_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    'ar_live_0123456789abcdef_tooshort',
    'ar_live_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!',
  ])('rejects %j', (presented) => {
    expect(parseApiKey(presented)).toBeUndefined();
  });
});

describe('key secret hashes', () => {
  it('verify the right secret only, and never contain it', async () => {
    const { secret } = generateApiKey();
    const stored = await hashApiKeySecret(secret);
    expect(stored).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain(secret);
    expect(await verifyApiKeySecret(secret, stored)).toBe(true);
    expect(await verifyApiKeySecret(`${secret.slice(0, -1)}x`, stored)).toBe(false);
  });

  it('are salted: the same secret hashes differently each time', async () => {
    const { secret } = generateApiKey();
    expect(await hashApiKeySecret(secret)).not.toBe(await hashApiKeySecret(secret));
  });

  it('refuse stored values that are not scrypt hashes', async () => {
    expect(await verifyApiKeySecret('secret', 'sha1$abc')).toBe(false);
    expect(await verifyApiKeySecret('secret', '')).toBe(false);
  });
});
