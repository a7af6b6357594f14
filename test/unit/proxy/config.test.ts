import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../proxy/config.ts';
import { SANDBOX_GRAPH_PORT } from '../../../proxy/sandbox-facebook-app.ts';
import { DEMO_APP_ID, DEMO_APP_SECRET } from '../../../sandbox/graph/demo-world.ts';
import { DEV_EXTENSION_ID } from '../../../shared/dev-extension-key.ts';

const sandboxApp = {
  appId: '999',
  appSecret: 'demo-secret',
  graphBaseUrl: 'http://127.0.0.1:9100',
  dialogBaseUrl: 'http://127.0.0.1:9101',
};

describe('loadConfig', () => {
  it('needs no configuration at all', () => {
    expect(loadConfig({}, { sandboxApp })).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: './data',
      logLevel: 'info',
      allowedOrigins: [`chrome-extension://${DEV_EXTENSION_ID}`],
      bodyLimits: { jsonBytes: 64 * 1024, uploadBytes: 512 * 1024 * 1024, ingestBytes: 1024 ** 2 },
      facebook: {
        mode: 'sandbox',
        ...sandboxApp,
        apiVersion: 'v26.0',
        requestTimeoutMs: 30_000,
      },
      delivery: { flushIntervalMs: 5000, retryWindowMs: 13 * 60 * 60 * 1000 },
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      RELAY_PORT: '9000',
      RELAY_HOST: '0.0.0.0',
      RELAY_DATA_DIR: '/srv/relay',
      RELAY_LOG_LEVEL: 'debug',
      RELAY_SECRET: 'a'.repeat(32),
      RELAY_PREVIOUS_SECRET: 'b'.repeat(32),
      RELAY_ALLOWED_ORIGINS: `chrome-extension://${'a'.repeat(32)}, moz-extension://0123abcd-0123-4567-89ab-0123456789ab`,
      RELAY_JSON_BODY_LIMIT: '1mb',
      RELAY_UPLOAD_BODY_LIMIT: '2 GiB',
      RELAY_INGEST_BODY_LIMIT: '256kb',
      RELAY_PUBLIC_URL: 'https://relay.example.com/',
      FACEBOOK_APP_ID: '1234567890',
      FACEBOOK_APP_SECRET: 'app-secret',
      FACEBOOK_API_VERSION: 'v25.0',
      FACEBOOK_GRAPH_TIMEOUT_MS: '5000',
      RELAY_SYNC_FLUSH_INTERVAL_MS: '1000',
      RELAY_SYNC_RETRY_HOURS: '1.5',
      RELAY_METRICS_TOKEN: 'metrics-token-0123456789',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/srv/relay',
      logLevel: 'debug',
      relaySecret: 'a'.repeat(32),
      previousRelaySecret: 'b'.repeat(32),
      allowedOrigins: [
        `chrome-extension://${'a'.repeat(32)}`,
        'moz-extension://0123abcd-0123-4567-89ab-0123456789ab',
      ],
      bodyLimits: { jsonBytes: 1024 * 1024, uploadBytes: 2 * 1024 ** 3, ingestBytes: 256 * 1024 },
      publicUrl: 'https://relay.example.com',
      facebook: {
        mode: 'live',
        appId: '1234567890',
        appSecret: 'app-secret',
        graphBaseUrl: 'https://graph.facebook.com',
        dialogBaseUrl: 'https://www.facebook.com',
        apiVersion: 'v25.0',
        requestTimeoutMs: 5000,
      },
      delivery: { flushIntervalMs: 1000, retryWindowMs: 90 * 60 * 1000 },
      metricsToken: 'metrics-token-0123456789',
    });
  });

  it('lets sandbox and live mode point at other Graph and dialog hosts', () => {
    const env = {
      FACEBOOK_GRAPH_BASE_URL: 'http://127.0.0.1:7000/',
      FACEBOOK_DIALOG_BASE_URL: 'http://127.0.0.1:7001',
    };
    for (const config of [
      loadConfig(env, { sandboxApp }),
      loadConfig({ ...env, FACEBOOK_APP_ID: '1', FACEBOOK_APP_SECRET: 's' }),
    ]) {
      expect(config.facebook).toMatchObject({
        graphBaseUrl: 'http://127.0.0.1:7000',
        dialogBaseUrl: 'http://127.0.0.1:7001',
      });
    }
  });

  it('treats blank variables as unset', () => {
    expect(loadConfig({ RELAY_PORT: '', RELAY_SECRET: '  ', FACEBOOK_APP_ID: '' })).toMatchObject({
      port: 8787,
      facebook: { mode: 'sandbox' },
    });
    expect(loadConfig({ RELAY_SECRET: '' })).not.toHaveProperty('relaySecret');
  });

  it('names every invalid variable in one error', () => {
    const attempt = () =>
      loadConfig({
        RELAY_PORT: 'eighty',
        RELAY_LOG_LEVEL: 'loud',
        RELAY_SECRET: 'short',
        RELAY_ALLOWED_ORIGINS: 'https://evil.example',
        RELAY_JSON_BODY_LIMIT: 'lots',
        RELAY_INGEST_BODY_LIMIT: '0',
        RELAY_PUBLIC_URL: 'relay.example.com',
        FACEBOOK_GRAPH_BASE_URL: 'ftp://graph',
        FACEBOOK_API_VERSION: '26',
        FACEBOOK_GRAPH_TIMEOUT_MS: '10',
      });
    expect(attempt).toThrow(ConfigError);
    const names = [
      'RELAY_PORT',
      'RELAY_LOG_LEVEL',
      'RELAY_SECRET',
      'RELAY_ALLOWED_ORIGINS',
      'RELAY_JSON_BODY_LIMIT',
      'RELAY_INGEST_BODY_LIMIT',
      'RELAY_PUBLIC_URL',
      'FACEBOOK_GRAPH_BASE_URL',
      'FACEBOOK_API_VERSION',
      'FACEBOOK_GRAPH_TIMEOUT_MS',
    ];
    for (const name of names) expect(attempt).toThrow(new RegExp(`${name}\\S*: `));
    expect(attempt).toThrow(/"https:\/\/evil\.example" is not an extension origin/);
  });

  it.each([
    ['RELAY_SYNC_RETRY_HOURS', '0', /at least|too small|>=/],
    ['RELAY_SYNC_RETRY_HOURS', '200', /at most 168/],
    ['RELAY_SYNC_RETRY_HOURS', 'thirteen', /number of hours/],
    ['RELAY_SYNC_FLUSH_INTERVAL_MS', '10', /RELAY_SYNC_FLUSH_INTERVAL_MS/],
    ['RELAY_METRICS_TOKEN', 'short', /at least 16 characters/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}: `));
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each(['70000', '-1', '1.5'])('refuses port %s', (port) => {
    expect(() => loadConfig({ RELAY_PORT: port })).toThrow(/RELAY_PORT: must be a port number/);
  });

  it('wants both or neither of the Facebook app id and secret', () => {
    expect(() => loadConfig({ FACEBOOK_APP_ID: '123' })).toThrow(
      /FACEBOOK_APP_ID, FACEBOOK_APP_SECRET: set both/,
    );
    expect(() => loadConfig({ FACEBOOK_APP_SECRET: 'secret' })).toThrow(/set both/);
  });
});

describe('sandbox mode', () => {
  it("uses the Graph emulator's demo app when no Facebook app is configured", () => {
    expect(loadConfig({}).facebook).toMatchObject({
      mode: 'sandbox',
      appId: DEMO_APP_ID,
      appSecret: DEMO_APP_SECRET,
      graphBaseUrl: `http://127.0.0.1:${SANDBOX_GRAPH_PORT}`,
      dialogBaseUrl: `http://127.0.0.1:${SANDBOX_GRAPH_PORT}`,
    });
  });
});
