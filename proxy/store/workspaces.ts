/** A tenant of the relay: its keys, Facebook connection and secrets belong to it alone. */
export interface Workspace {
  id: string;
  name: string;
  createdAt: Date;
}

export interface WorkspaceRepository {
  /** Throws `DuplicateNameError` when another workspace already has this name (case-insensitive). */
  create(workspace: Workspace): Promise<void>;
  get(workspaceId: string): Promise<Workspace | undefined>;
  /** Operator only (the CLI): every workspace on this relay, oldest first. */
  list(): Promise<Workspace[]>;
}

export class DuplicateNameError extends Error {
  override name = 'DuplicateNameError';
}
