/**
 * How the relay reacts to a Facebook (Graph API) error, after the handling matrix in
 * meta-custom-audiences-api.md §6.6: who must act, and whether retrying helps.
 */
export const FACEBOOK_ERROR_CLASSES = [
  'reauthorize',
  'terms',
  'access',
  'integrity',
  'bad-data',
  'throttled',
  'transient',
  'unknown',
] as const;
export type FacebookErrorClass = (typeof FACEBOOK_ERROR_CLASSES)[number];

/** A Graph error this entry explains; without `subcode` it matches any subcode of `code`. */
export interface GraphErrorMatch {
  code: number;
  subcode?: number;
  /**
   * Only for errors Meta tells apart by message alone (Meta warns messages may change, so
   * the relay also detects these cases itself before calling).
   */
  messageIncludes?: string;
}

/**
 * One error a marketer or admin may see. `title`, `explanation` and `steps` may contain
 * `{adAccountId}` and `{termsUrl}`, filled in by `describeError`.
 */
export interface ErrorEntry {
  /** Stable: clients branch on it, and it never changes meaning. */
  code: string;
  /** The HTTP status the relay answers with. */
  httpStatus: number;
  title: string;
  /** One paragraph, in words a marketer understands. */
  explanation: string;
  /** What to do, in order. */
  steps: readonly string[];
  /** Facebook errors only. */
  errorClass?: FacebookErrorClass;
  /** Facebook errors only: the Graph error codes this entry explains. */
  graph?: readonly GraphErrorMatch[];
}

export type EntryText = Omit<ErrorEntry, 'code'>;
