/**
 * The error catalog shared by the relay and the extension: for every error code a title, a
 * one-paragraph explanation and the steps to fix it. Pure data and small lookups, no Node
 * imports (the extension bundles this file).
 */
import { BRAZE_ERRORS, type BrazeErrorCode } from './error-catalog/braze-errors.ts';
import {
  CLASS_ENTRY,
  FACEBOOK_ERRORS,
  type FacebookErrorCode,
} from './error-catalog/facebook-errors.ts';
import { RELAY_ERRORS, type RelayErrorCode } from './error-catalog/relay-errors.ts';
import { SYNC_ERRORS, type SyncErrorCode } from './error-catalog/sync-errors.ts';
import type { EntryText, ErrorEntry, FacebookErrorClass } from './error-catalog/types.ts';

export type { BrazeErrorCode } from './error-catalog/braze-errors.ts';
export type { FacebookErrorCode } from './error-catalog/facebook-errors.ts';
export type { RelayErrorCode } from './error-catalog/relay-errors.ts';
export type { SyncErrorCode } from './error-catalog/sync-errors.ts';
export {
  type ErrorEntry,
  FACEBOOK_ERROR_CLASSES,
  type FacebookErrorClass,
  type GraphErrorMatch,
} from './error-catalog/types.ts';

export type ErrorCode = RelayErrorCode | FacebookErrorCode | BrazeErrorCode | SyncErrorCode;

const withCodes = <Code extends string>(entries: Record<Code, EntryText>) =>
  Object.fromEntries(
    Object.entries<EntryText>(entries).map(([code, entry]) => [code, { code, ...entry }]),
  ) as Record<Code, ErrorEntry>;

/** Every entry by code. */
export const ERROR_CATALOG: Readonly<Record<ErrorCode, ErrorEntry>> = {
  ...withCodes(RELAY_ERRORS),
  ...withCodes(FACEBOOK_ERRORS),
  ...withCodes(BRAZE_ERRORS),
  ...withCodes(SYNC_ERRORS),
};

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CATALOG, code);

const TERMS_URL = 'https://business.facebook.com/ads/manage/customaudiences/tos/?act=';

/** Where an ad account's Custom Audience Terms are accepted (Braze audit steps, Meta §3.6). */
export function termsOfServiceUrl(adAccountId: string): string {
  return `${TERMS_URL}${encodeURIComponent(bareAdAccountId(adAccountId))}`;
}

/** Details that make an entry's text specific. */
export interface ErrorParams {
  /** With or without the `act_` prefix. */
  adAccountId?: string;
}

/**
 * The entry for `code` with its placeholders filled in. Codes this catalog does not know (a
 * newer relay) get the generic `unknown_error` entry.
 */
export function describeError(code: string, params: ErrorParams = {}): ErrorEntry {
  const entry = isErrorCode(code) ? ERROR_CATALOG[code] : ERROR_CATALOG.unknown_error;
  const values: Record<string, string> = params.adAccountId
    ? {
        adAccountId: bareAdAccountId(params.adAccountId),
        termsUrl: termsOfServiceUrl(params.adAccountId),
      }
    : {
        adAccountId: '(your ad account)',
        termsUrl: `${TERMS_URL}<AD_ACCOUNT_ID>`,
      };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
  return {
    ...entry,
    title: fill(entry.title),
    explanation: fill(entry.explanation),
    steps: entry.steps.map(fill),
  };
}

/** What the Graph client knows about a failed call (meta-custom-audiences-api.md §6.1). */
export interface GraphErrorFacts {
  code: number;
  subcode?: number;
  message?: string;
  isTransient?: boolean;
  httpStatus?: number;
}

/**
 * The catalog entry explaining a Graph error: an exact code + subcode match first, then a
 * message match, then the code alone; failing those, `is_transient` or an HTTP 5xx means
 * transient, anything else unknown.
 */
export function entryForGraphError(facts: GraphErrorFacts): ErrorEntry {
  const candidates = GRAPH_INDEX.get(facts.code) ?? [];
  const exact = candidates.find(
    ({ match }) => match.subcode !== undefined && match.subcode === facts.subcode,
  );
  const byMessage = candidates.find(
    ({ match }) =>
      match.messageIncludes !== undefined && facts.message?.includes(match.messageIncludes),
  );
  const byCode = candidates.find(
    ({ match }) => match.subcode === undefined && match.messageIncludes === undefined,
  );
  const found = exact ?? byMessage ?? byCode;
  if (found) return found.entry;
  const transient = facts.isTransient === true || (facts.httpStatus ?? 0) >= 500;
  return entryForErrorClass(transient ? 'transient' : 'unknown');
}

/** The generic entry of a Facebook error class. */
export function entryForErrorClass(errorClass: FacebookErrorClass): ErrorEntry {
  return ERROR_CATALOG[CLASS_ENTRY[errorClass]];
}

const GRAPH_INDEX = new Map<
  number,
  { match: NonNullable<ErrorEntry['graph']>[number]; entry: ErrorEntry }[]
>();
for (const entry of Object.values(ERROR_CATALOG)) {
  for (const match of entry.graph ?? []) {
    GRAPH_INDEX.set(match.code, [...(GRAPH_INDEX.get(match.code) ?? []), { match, entry }]);
  }
}

function bareAdAccountId(adAccountId: string): string {
  return adAccountId.replace(/^act_/, '');
}
