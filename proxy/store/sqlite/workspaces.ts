import type { DatabaseSync } from 'node:sqlite';
import { DuplicateNameError, type Workspace, type WorkspaceRepository } from '../workspaces.ts';
import { fromText, toText } from './database.ts';

type Row = Record<string, unknown>;

const toWorkspace = (row: Row): Workspace => ({
  id: String(row.id),
  name: String(row.name),
  createdAt: fromText(String(row.created_at)),
});

export function sqliteWorkspaces(db: DatabaseSync): WorkspaceRepository {
  const insert = db.prepare('INSERT INTO workspaces (id, name, created_at) VALUES (?, ?, ?)');
  const byId = db.prepare('SELECT * FROM workspaces WHERE id = ?');
  const all = db.prepare('SELECT * FROM workspaces ORDER BY created_at, id');
  return {
    async create(workspace) {
      try {
        insert.run(workspace.id, workspace.name, toText(workspace.createdAt));
      } catch (error) {
        if (String(error).includes('UNIQUE constraint failed: workspaces.name')) {
          throw new DuplicateNameError(`A workspace named "${workspace.name}" already exists.`);
        }
        throw error;
      }
    },
    async get(workspaceId) {
      const row = byId.get(workspaceId);
      return row ? toWorkspace(row) : undefined;
    },
    async list() {
      return all.all().map(toWorkspace);
    },
  };
}
