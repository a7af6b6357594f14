import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../proxy/config.ts';

describe('loadConfig', () => {
  it('needs no configuration at all', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 8787,
      dataDir: './data',
      logLevel: 'info',
    });
  });

  it('reads the environment', () => {
    const config = loadConfig({
      RELAY_PORT: '9000',
      RELAY_HOST: '0.0.0.0',
      RELAY_DATA_DIR: '/srv/relay',
      RELAY_LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      host: '0.0.0.0',
      port: 9000,
      dataDir: '/srv/relay',
      logLevel: 'debug',
    });
  });

  it('names every invalid variable in one error', () => {
    const attempt = () => loadConfig({ RELAY_PORT: 'eighty', RELAY_LOG_LEVEL: 'loud' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/RELAY_PORT[\s\S]*RELAY_LOG_LEVEL/);
  });
});
