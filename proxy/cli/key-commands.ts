import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../shared/relay-api/roles.ts';
import { keyState } from '../auth/key-state.ts';
import { type Command, UsageError } from './cli-context.ts';
import { printTable, shortTime } from './format-table.ts';

/** Keys are shown once, set apart so they are easy to copy. */
export function printNewKey(apiKey: string, out: (line: string) => void) {
  out('Its key, shown this once (the relay keeps only a hash):');
  out('');
  out(`  ${apiKey}`);
  out('');
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

const create: Command = async (args, { admin, out, err }) => {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      'expires-in-days': { type: 'string' },
    },
  });
  if (!values.workspace) throw new UsageError('key create needs --workspace <id>.');
  if (!values.role || !isRole(values.role)) {
    throw new UsageError(`key create needs --role ${ROLES.join('|')}.`);
  }
  const days = values['expires-in-days'];
  if (days !== undefined && !/^[1-9]\d{0,3}$/.test(days)) {
    throw new UsageError('--expires-in-days takes a whole number of days (1-9999).');
  }
  const issued = await admin.issueKey(values.workspace, {
    role: values.role,
    label: values.label ?? null,
    ...(days ? { expiresInDays: Number(days) } : {}),
  });
  if (!issued) {
    err(`No workspace ${values.workspace} (npm run relay -- workspace list).`);
    return 1;
  }
  const expiry = issued.record.expiresAt ? `, expires ${shortTime(issued.record.expiresAt)}` : '';
  out(`Created ${issued.record.role} key ${issued.record.id} in ${values.workspace}${expiry}.`);
  printNewKey(issued.apiKey, out);
  return 0;
};

const revoke: Command = async (args, { services, admin, out, err }) => {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [keyId] = positionals;
  if (!keyId || positionals.length > 1) throw new UsageError('key revoke needs one key id.');
  const key = await services.store.apiKeys.findById(keyId);
  const revoked = key && (await admin.revokeKey(key.workspaceId, key.id));
  if (!revoked) {
    err(`No key ${keyId} (npm run relay -- key list).`);
    return 1;
  }
  out(`Revoked key ${revoked.id} of ${revoked.workspaceId}: its sessions stop working now.`);
  return 0;
};

const list: Command = async (args, { services, admin, now, out, err }) => {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' } } });
  const workspaces = values.workspace
    ? [await services.store.workspaces.get(values.workspace)]
    : await services.store.workspaces.list();
  if (workspaces.some((workspace) => !workspace)) {
    err(`No workspace ${values.workspace} (npm run relay -- workspace list).`);
    return 1;
  }
  const rows: (string | null)[][] = [];
  for (const workspace of workspaces) {
    if (!workspace) continue;
    for (const key of await admin.listKeys(workspace.id)) {
      rows.push([
        key.id,
        workspace.id,
        key.role,
        keyState(key, now()),
        key.label,
        shortTime(key.createdAt),
        shortTime(key.lastUsedAt),
        shortTime(key.expiresAt),
      ]);
    }
  }
  const header = [
    'KEY ID',
    'WORKSPACE',
    'ROLE',
    'STATE',
    'LABEL',
    'CREATED',
    'LAST USED',
    'EXPIRES',
  ];
  printTable(out, header, rows, 'No keys.');
  return 0;
};

export const keyCommands: Record<string, Command> = { create, revoke, list };
