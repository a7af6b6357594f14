import { z } from 'zod';
import { DEV_EXTENSION_ID } from '../shared/dev-extension-key.ts';
import { SANDBOX_FACEBOOK_APP, type SandboxFacebookApp } from './sandbox-facebook-app.ts';

/** The newest Graph API version in the reference (meta-custom-audiences-api.md §8.1). */
export const DEFAULT_GRAPH_API_VERSION = 'v26.0';

const PORT_MESSAGE = 'must be a port number (0-65535)';
/** A port in an environment variable: digits only, 0 (any free port) to 65535. */
export const portSetting = z
  .string()
  .regex(/^\d{1,5}$/, PORT_MESSAGE)
  .transform(Number)
  .pipe(z.number().max(65535, PORT_MESSAGE));
const relaySecret = z
  .string()
  .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
  .optional();
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((url) => url.replace(/\/+$/, ''));

const EXTENSION_ORIGIN =
  /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const origins = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? `chrome-extension://${DEV_EXTENSION_ID}`)
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(EXTENSION_ORIGIN, {
        error: (issue) =>
          `"${String(issue.input)}" is not an extension origin (chrome-extension://<32 letters a-p> or moz-extension://<uuid>)`,
      }),
    ),
  );

const SIZE = /^(\d+)\s*(b|kb|kib|mb|mib|gb|gib)?$/i;
const UNIT_BYTES: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const byteSize = z
  .string()
  .regex(SIZE, { message: 'must be a size such as 65536, 64kb or 100mb' })
  .transform((value) => {
    const [, digits = '0', unit = 'b'] = SIZE.exec(value) ?? [];
    return Number(digits) * (UNIT_BYTES[unit[0]?.toLowerCase() ?? 'b'] ?? 1);
  })
  .pipe(z.number().int().positive());

const milliseconds = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a number of milliseconds')
    .transform(Number)
    .pipe(z.number().min(min).max(max));
const DURATION = /^(\d+)\s*(s|m|h|d)?$/i;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const duration = z
  .string()
  .regex(DURATION, { message: 'must be a duration such as 3600 (seconds), 30m, 24h or 7d' })
  .transform((value) => {
    const [, digits = '0', unit = 's'] = DURATION.exec(value) ?? [];
    return Number(digits) * (UNIT_MS[unit.toLowerCase()] ?? 1000);
  })
  .pipe(z.number().int().min(60_000, 'must be at least a minute'));

const schema = z.object({
  RELAY_HOST: z.string().min(1).default('127.0.0.1'),
  RELAY_PORT: portSetting.default(8787),
  RELAY_DATA_DIR: z.string().min(1).default('./data'),
  RELAY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RELAY_SECRET: relaySecret,
  RELAY_PREVIOUS_SECRET: relaySecret,
  RELAY_ALLOWED_ORIGINS: origins,
  RELAY_JSON_BODY_LIMIT: byteSize.default(64 * 1024),
  RELAY_UPLOAD_BODY_LIMIT: byteSize.default(512 * 1024 ** 2),
  RELAY_UNUSED_UPLOAD_TTL: duration.default(24 * 3_600_000),
  RELAY_INGEST_BODY_LIMIT: byteSize.default(1024 ** 2),
  RELAY_PUBLIC_URL: httpUrl.optional(),
  FACEBOOK_APP_ID: z.string().regex(/^\d+$/, 'must be digits').optional(),
  FACEBOOK_APP_SECRET: z.string().optional(),
  FACEBOOK_GRAPH_BASE_URL: httpUrl.optional(),
  FACEBOOK_DIALOG_BASE_URL: httpUrl.optional(),
  FACEBOOK_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, { message: 'must look like v26.0' })
    .default(DEFAULT_GRAPH_API_VERSION),
  FACEBOOK_GRAPH_TIMEOUT_MS: milliseconds(1000, 600_000).default(30_000),
  RELAY_SYNC_FLUSH_INTERVAL_MS: milliseconds(100, 600_000).default(5000),
  RELAY_SYNC_RETRY_HOURS: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of hours, e.g. 13 or 0.5')
    .transform(Number)
    .pipe(z.number().min(0.01).max(168, 'must be at most 168 (a week)'))
    .default(13),
  RELAY_METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

/** Blank variables (`FOO=` in an env file) count as unset, so their defaults apply. */
export function withoutBlanks(env: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(env)
      .map(([name, value]) => [name, value?.trim()])
      .filter(([, value]) => value),
  );
}

/** Each refused variable as `NAME: what is wrong with it`. */
export function settingProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

export interface FacebookConfig {
  /** `sandbox`: no Facebook app configured, so the Graph emulator's demo app is used. */
  mode: 'live' | 'sandbox';
  appId: string;
  appSecret: string;
  /** Without version or trailing slash, e.g. `https://graph.facebook.com`. */
  graphBaseUrl: string;
  /** Where the OAuth dialog lives, e.g. `https://www.facebook.com`. */
  dialogBaseUrl: string;
  apiVersion: string;
  requestTimeoutMs: number;
}

export interface RelayConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** `RELAY_SECRET`; absent means "generate one into the data directory". */
  relaySecret?: string;
  previousRelaySecret?: string;
  /** Extension origins allowed by CORS. */
  allowedOrigins: string[];
  bodyLimits: { jsonBytes: number; uploadBytes: number; ingestBytes: number };
  /** How long an upload no export uses is kept before the sweep deletes it. */
  unusedUploadTtlMs: number;
  /**
   * Where the relay is reached from outside (`RELAY_PUBLIC_URL`): the ingest URLs it shows
   * (without it, each request's own origin) and Braze's export callbacks (without it, polling).
   */
  publicUrl?: string;
  facebook: FacebookConfig;
  delivery: DeliveryConfig;
  /** `RELAY_METRICS_TOKEN`; absent: `/metrics` answers only direct requests from this machine. */
  metricsToken?: string;
}

/** How syncs deliver queued users to Facebook. */
export interface DeliveryConfig {
  /** How often each active sync sends what is queued (Braze: every 5 seconds). */
  flushIntervalMs: number;
  /** How long delivery keeps retrying throttled and transient failures before users count as errored. */
  retryWindowMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LoadConfigOptions {
  /** The app used in sandbox mode; the Graph emulator's demo app once it is wired in. */
  sandboxApp?: SandboxFacebookApp;
}

/** Reads and validates the relay's environment; every problem is named in one error. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  { sandboxApp = SANDBOX_FACEBOOK_APP }: LoadConfigOptions = {},
): RelayConfig {
  const parsed = schema.safeParse(withoutBlanks(env));
  const problems = parsed.success ? [] : settingProblems(parsed.error);
  if (
    parsed.success &&
    Boolean(parsed.data.FACEBOOK_APP_ID) !== Boolean(parsed.data.FACEBOOK_APP_SECRET)
  ) {
    problems.push(
      'FACEBOOK_APP_ID, FACEBOOK_APP_SECRET: set both for a real Facebook app, or neither for sandbox mode',
    );
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid relay configuration:\n  ${problems.join('\n  ')}`);
  }
  const value = parsed.data;
  const live = value.FACEBOOK_APP_ID && value.FACEBOOK_APP_SECRET;
  return {
    host: value.RELAY_HOST,
    port: value.RELAY_PORT,
    dataDir: value.RELAY_DATA_DIR,
    logLevel: value.RELAY_LOG_LEVEL,
    ...(value.RELAY_SECRET ? { relaySecret: value.RELAY_SECRET } : {}),
    ...(value.RELAY_PREVIOUS_SECRET ? { previousRelaySecret: value.RELAY_PREVIOUS_SECRET } : {}),
    allowedOrigins: value.RELAY_ALLOWED_ORIGINS,
    bodyLimits: {
      jsonBytes: value.RELAY_JSON_BODY_LIMIT,
      uploadBytes: value.RELAY_UPLOAD_BODY_LIMIT,
      ingestBytes: value.RELAY_INGEST_BODY_LIMIT,
    },
    unusedUploadTtlMs: value.RELAY_UNUSED_UPLOAD_TTL,
    ...(value.RELAY_PUBLIC_URL ? { publicUrl: value.RELAY_PUBLIC_URL } : {}),
    facebook: {
      mode: live ? 'live' : 'sandbox',
      appId: value.FACEBOOK_APP_ID ?? sandboxApp.appId,
      appSecret: value.FACEBOOK_APP_SECRET ?? sandboxApp.appSecret,
      graphBaseUrl:
        value.FACEBOOK_GRAPH_BASE_URL ??
        (live ? 'https://graph.facebook.com' : sandboxApp.graphBaseUrl),
      dialogBaseUrl:
        value.FACEBOOK_DIALOG_BASE_URL ??
        (live ? 'https://www.facebook.com' : sandboxApp.dialogBaseUrl),
      apiVersion: value.FACEBOOK_API_VERSION,
      requestTimeoutMs: value.FACEBOOK_GRAPH_TIMEOUT_MS,
    },
    delivery: {
      flushIntervalMs: value.RELAY_SYNC_FLUSH_INTERVAL_MS,
      retryWindowMs: Math.round(value.RELAY_SYNC_RETRY_HOURS * 60 * 60 * 1000),
    },
    ...(value.RELAY_METRICS_TOKEN ? { metricsToken: value.RELAY_METRICS_TOKEN } : {}),
  };
}
