import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../proxy/config.ts';
import { sandboxPorts } from '../../../scripts/sandbox-ports.ts';

describe('sandboxPorts', () => {
  it('defaults to the ports the README names, also for blank variables', () => {
    const defaults = { graph: 8788, brazeRest: 8791, brazeDashboard: 8792 };
    expect(sandboxPorts({})).toEqual(defaults);
    expect(sandboxPorts({ GRAPH_PORT: ' ', BRAZE_REST_PORT: '' })).toEqual(defaults);
  });

  it('reads each port, 0 (any free port) included', () => {
    expect(
      sandboxPorts({ GRAPH_PORT: '9100', BRAZE_REST_PORT: '0', BRAZE_DASHBOARD_PORT: '65535' }),
    ).toEqual({ graph: 9100, brazeRest: 0, brazeDashboard: 65535 });
  });

  it.each([
    ['GRAPH_PORT', 'abc'],
    ['BRAZE_REST_PORT', '8791x'],
    ['BRAZE_DASHBOARD_PORT', '65536'],
    ['GRAPH_PORT', '-1'],
    ['BRAZE_REST_PORT', '80.5'],
    ['BRAZE_DASHBOARD_PORT', '1e3'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => sandboxPorts({ [name]: value })).toThrow(ConfigError);
    expect(() => sandboxPorts({ [name]: value })).toThrow(
      new RegExp(`${name}: must be a port number`),
    );
  });

  it('names every refused variable at once', () => {
    let message = '';
    try {
      sandboxPorts({ GRAPH_PORT: 'x', BRAZE_DASHBOARD_PORT: '99999' });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('GRAPH_PORT: must be a port number');
    expect(message).toContain('BRAZE_DASHBOARD_PORT: must be a port number');
    expect(message).not.toContain('BRAZE_REST_PORT');
  });
});
