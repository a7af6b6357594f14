import { z } from 'zod';
import { ConfigError, portSetting, settingProblems, withoutBlanks } from '../proxy/config.ts';
import { SANDBOX_GRAPH_PORT } from '../proxy/sandbox-facebook-app.ts';

const schema = z.object({
  GRAPH_PORT: portSetting.default(SANDBOX_GRAPH_PORT),
  BRAZE_REST_PORT: portSetting.default(8791),
  BRAZE_DASHBOARD_PORT: portSetting.default(8792),
});

/** Where `npm start` serves the emulators. */
export interface SandboxPorts {
  graph: number;
  brazeRest: number;
  brazeDashboard: number;
}

/**
 * The emulators' ports from the environment, checked like the relay's own `RELAY_PORT`: a
 * typo fails with the variable's name instead of listening on a port nobody asked for.
 */
export function sandboxPorts(env: Record<string, string | undefined> = process.env): SandboxPorts {
  const parsed = schema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    throw new ConfigError(
      `Invalid sandbox ports:\n  ${settingProblems(parsed.error).join('\n  ')}`,
    );
  }
  const { GRAPH_PORT, BRAZE_REST_PORT, BRAZE_DASHBOARD_PORT } = parsed.data;
  return { graph: GRAPH_PORT, brazeRest: BRAZE_REST_PORT, brazeDashboard: BRAZE_DASHBOARD_PORT };
}
