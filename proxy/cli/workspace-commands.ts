import { parseArgs } from 'node:util';
import { keyState } from '../auth/key-state.ts';
import { DuplicateNameError } from '../store/workspaces.ts';
import { type Command, UsageError } from './cli-context.ts';
import { printTable, shortTime } from './format-table.ts';
import { printNewKey } from './key-commands.ts';

const create: Command = async (args, { admin, out, err }) => {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const name = positionals.join(' ').trim();
  if (!name) throw new UsageError('workspace create needs a name.');
  try {
    const { workspace, adminKey } = await admin.createWorkspace(name);
    out(`Created workspace "${workspace.name}" (${workspace.id}).`);
    printNewKey(adminKey.apiKey, out);
    return 0;
  } catch (error) {
    if (!(error instanceof DuplicateNameError)) throw error;
    err(error.message);
    return 1;
  }
};

const list: Command = async (args, { services, admin, now, out }) => {
  parseArgs({ args });
  const workspaces = await services.store.workspaces.list();
  const rows = await Promise.all(
    workspaces.map(async (workspace) => {
      const keys = await admin.listKeys(workspace.id);
      const active = keys.filter((key) => keyState(key, now()) === 'active').length;
      return [workspace.id, workspace.name, shortTime(workspace.createdAt), String(active)];
    }),
  );
  printTable(
    out,
    ['ID', 'NAME', 'CREATED', 'ACTIVE KEYS'],
    rows,
    'No workspaces yet: npm run relay -- workspace create <name>',
  );
  return 0;
};

export const workspaceCommands: Record<string, Command> = { create, list };
