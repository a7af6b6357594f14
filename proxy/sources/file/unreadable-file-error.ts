/** Why a whole file cannot be read (a single bad row is only counted: see `SourceItem`). */
export type UnreadableFileReason = 'header_too_long' | 'unterminated_header' | 'no_known_columns';

/**
 * The file as a whole cannot feed an export. Its `code` is the error catalog's
 * `unreadable_file`; `reason` and `message` say which problem and which columns.
 */
export class UnreadableFileError extends Error {
  override name = 'UnreadableFileError';
  readonly code = 'unreadable_file';
  readonly reason: UnreadableFileReason;

  constructor(reason: UnreadableFileReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
