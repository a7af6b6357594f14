import {
  type ErrorCode,
  type ErrorEntry,
  entryForErrorClass,
  entryForGraphError,
  type FacebookErrorClass,
} from '../../../shared/error-catalog.ts';
import { ApiError } from '../../http/api-error.ts';

/** What is known about a failed Graph call (the envelope of reference §6.1, or what broke). */
export interface GraphErrorFacts {
  /** Meta's `code`; absent when no Graph answer arrived (network, timeout, HTML page). */
  code?: number;
  subcode?: number;
  type?: string;
  message: string;
  userTitle?: string;
  userMsg?: string;
  fbtraceId?: string;
  isTransient?: boolean;
  /** Absent when no HTTP answer arrived at all. */
  httpStatus?: number;
}

/**
 * The catalog entry (and so the class) of a Graph error, after the handling matrix of
 * reference §6.6: code + subcode first (the catalog's own lookup). Meta's `is_transient: true`
 * turns an otherwise unknown or bad-data answer into a transient one, because Meta is saying
 * the same request may work later; it does not override classes where a person has to act
 * (re-authorize, terms, access, integrity) or where waiting has its own rules (throttled).
 * No Graph answer at all (network error, timeout, a 5xx HTML page) is transient.
 */
export function classifyGraphError(facts: GraphErrorFacts): ErrorEntry {
  if (facts.code === undefined) {
    const unanswered = facts.httpStatus === undefined || facts.httpStatus >= 500;
    return entryForErrorClass(unanswered ? 'transient' : 'unknown');
  }
  const entry = entryForGraphError({
    code: facts.code,
    subcode: facts.subcode,
    message: facts.message,
    isTransient: facts.isTransient,
    httpStatus: facts.httpStatus,
  });
  const retryable = entry.errorClass === 'unknown' || entry.errorClass === 'bad-data';
  return facts.isTransient === true && retryable ? entryForErrorClass('transient') : entry;
}

/**
 * Every failed Graph call, as one error: its class, the catalog code that explains it to a
 * marketer (the relay answers with it as is, see `ApiError`), and Meta's own details for
 * support (`fbtrace_id`) and for people (`error_user_title` / `error_user_msg`).
 */
export class GraphError extends ApiError {
  override name = 'GraphError';
  readonly errorClass: FacebookErrorClass;
  readonly graphCode: number | undefined;
  readonly graphSubcode: number | undefined;
  readonly userTitle: string | undefined;
  readonly userMsg: string | undefined;
  readonly fbtraceId: string | undefined;
  readonly isTransient: boolean;
  readonly httpStatus: number | undefined;

  constructor(facts: GraphErrorFacts, { adAccountId }: { adAccountId?: string } = {}) {
    const entry = classifyGraphError(facts);
    super(entry.code as ErrorCode, facts.message, {
      ...(adAccountId ? { adAccountId } : {}),
      facebook: {
        errorClass: entry.errorClass,
        code: facts.code ?? null,
        subcode: facts.subcode ?? null,
        type: facts.type ?? null,
        userTitle: facts.userTitle ?? null,
        userMsg: facts.userMsg ?? null,
        fbtraceId: facts.fbtraceId ?? null,
        isTransient: facts.isTransient ?? false,
      },
    });
    this.errorClass = entry.errorClass ?? 'unknown';
    this.graphCode = facts.code;
    this.graphSubcode = facts.subcode;
    this.userTitle = facts.userTitle;
    this.userMsg = facts.userMsg;
    this.fbtraceId = facts.fbtraceId;
    this.isTransient = facts.isTransient ?? false;
    this.httpStatus = facts.httpStatus;
  }

  /** 190 (or the legacy 102): the token itself is dead, whatever the call was. */
  get tokenRejected(): boolean {
    return this.graphCode === 190 || this.graphCode === 102;
  }
}

/** Reads Meta's error envelope; undefined when the body is not one. */
export function graphErrorFacts(body: unknown, httpStatus: number): GraphErrorFacts | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  if (!error || typeof error !== 'object') return undefined;
  const field = (name: string) => (error as Record<string, unknown>)[name];
  const text = (name: string) =>
    typeof field(name) === 'string' ? String(field(name)) : undefined;
  const number = (name: string) => {
    const value = Number(field(name));
    return field(name) === undefined || !Number.isFinite(value) ? undefined : value;
  };
  return {
    code: number('code'),
    subcode: number('error_subcode'),
    type: text('type'),
    message: text('message') ?? 'Facebook returned an error without a message.',
    userTitle: text('error_user_title'),
    userMsg: text('error_user_msg'),
    fbtraceId: text('fbtrace_id'),
    isTransient: field('is_transient') === true,
    httpStatus,
  };
}
