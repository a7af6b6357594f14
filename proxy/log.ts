export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where each JSON line goes; stdout by default. */
  write?: (line: string) => void;
  now?: () => Date;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Field names whose values are secrets or personal data and never reach a log line. */
const SENSITIVE_NAME =
  /token|secret|password|passwd|authorization|cookie|api[-_]?key|^key$|proof|email|phone|^code$|credential|^fn$|^ln$|first_?name|last_?name|idfa|google_ad_id|madid|^dob/i;
/**
 * Values that look like credentials even under an innocent name: bearer headers, Facebook
 * tokens, token query parameters, the relay's workspace keys and JWTs (sessions, sealed secrets).
 */
const SENSITIVE_VALUE =
  /(bearer\s+\S+|EAA[A-Za-z0-9]{10,}|access_token=[^&\s]+|client_secret=[^&\s]+|ar_live_[A-Za-z0-9_-]+|eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_.-]+)/gi;

export const REDACTED = '[redacted]';

/** Copies a value with every sensitive field replaced, so a log line can never leak one. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[too deep]';
  if (typeof value === 'string') return value.replace(SENSITIVE_VALUE, REDACTED);
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redact(value.message, depth + 1),
      stack: value.stack ? redact(value.stack, depth + 1) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(value)) {
      out[name] = SENSITIVE_NAME.test(name) ? REDACTED : redact(inner, depth + 1);
    }
    return out;
  }
  return value;
}

/** Structured JSON-lines logger with redaction built in. */
export function createLogger(
  options: LoggerOptions = {},
  bound: Record<string, unknown> = {},
): Logger {
  const {
    level = 'info',
    write = (line) => process.stdout.write(`${line}\n`),
    now = () => new Date(),
  } = options;
  const emit = (at: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (order[at] < order[level]) return;
    const record = redact({ ...bound, ...fields }) as Record<string, unknown>;
    write(
      JSON.stringify({ time: now().toISOString(), level: at, msg: redact(message), ...record }),
    );
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}
