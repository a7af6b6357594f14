/** Why an archive could not be read to its end. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
  readonly reason: 'truncated' | 'corrupt';

  constructor(reason: 'truncated' | 'corrupt', message: string) {
    super(message);
    this.reason = reason;
  }
}

export const endsMidFile = () =>
  new ArchiveError('truncated', 'The archive ends in the middle of a file.');

export const unreadable = (why: string) =>
  new ArchiveError('corrupt', `Not a readable ZIP: ${why}`);
