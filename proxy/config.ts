import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const schema = z.object({
  RELAY_HOST: z.string().min(1).default('127.0.0.1'),
  RELAY_PORT: port.default(8787),
  RELAY_DATA_DIR: z.string().min(1).default('./data'),
  RELAY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the relay's environment; every problem is named in one error. */
export function loadConfig(env: Record<string, string | undefined> = process.env): RelayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid relay configuration:\n  ${problems.join('\n  ')}`);
  }
  const value = parsed.data;
  return {
    host: value.RELAY_HOST,
    port: value.RELAY_PORT,
    dataDir: value.RELAY_DATA_DIR,
    logLevel: value.RELAY_LOG_LEVEL,
  };
}
