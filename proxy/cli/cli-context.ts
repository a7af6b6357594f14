import type { WorkspaceAdmin } from '../auth/workspace-admin.ts';
import type { RelayServices } from '../relay-services.ts';

/** What every command gets: the opened relay, the clock and where to print. */
export interface CliContext {
  services: RelayServices;
  admin: WorkspaceAdmin;
  now: () => Date;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A wrong invocation: the message and the usage text go to stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Command = (args: string[], context: CliContext) => Promise<number>;
