import { createWorkspaceAdmin } from '../auth/workspace-admin.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { openRelayServices, type RelayServices, type ServicesConfig } from '../relay-services.ts';
import { type Command, UsageError } from './cli-context.ts';
import { keyCommands } from './key-commands.ts';
import { rotateKey } from './rotate-key-command.ts';
import { workspaceCommands } from './workspace-commands.ts';

export const USAGE = `Usage: npm run relay -- <command>

  workspace create <name>            create a workspace; prints its first admin key once
  workspace list                     list workspaces
  key create --workspace <id> --role admin|marketer [--label <text>] [--expires-in-days <n>]
                                     create a key; prints it once
  key list [--workspace <id>]        list keys (never their secrets)
  key revoke <key id>                revoke a key; its sessions stop working at once
  rotate-key [--forget-unreadable]   re-encrypt every stored secret under a new key id

The relay's environment (RELAY_DATA_DIR, RELAY_SECRET, ...) says which relay to act on.`;

const GROUPS: Record<string, Record<string, Command>> = {
  workspace: workspaceCommands,
  key: keyCommands,
};

export interface CliOptions {
  env?: Record<string, string | undefined>;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
  openServices?: (config: ServicesConfig) => RelayServices;
}

function findCommand(argv: string[]): { command: Command; args: string[] } {
  const [group = '', name = '', ...rest] = argv;
  if (group === 'rotate-key') return { command: rotateKey, args: argv.slice(1) };
  const command = GROUPS[group]?.[name];
  if (!command)
    throw new UsageError(
      group ? `Unknown command: ${argv.slice(0, 2).join(' ')}` : 'No command given.',
    );
  return { command, args: rest };
}

/** `npm run relay -- <command>`; returns the exit code (0 done, 1 failed, 2 usage, 78 config). */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const {
    env = process.env,
    now = () => new Date(),
    out = (line) => process.stdout.write(`${line}\n`),
    err = (line) => process.stderr.write(`${line}\n`),
    openServices = (config) => openRelayServices(config, { now }),
  } = options;
  if (argv.length === 1 && ['help', '--help', '-h'].includes(argv[0] ?? '')) {
    out(USAGE);
    return 0;
  }
  let services: RelayServices | undefined;
  try {
    const { command, args } = findCommand(argv);
    services = openServices(loadConfig(env));
    const admin = createWorkspaceAdmin({ store: services.store, now });
    return await command(args, { services, admin, now, out, err });
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 78;
    }
    // parseArgs reports unknown options as TypeErrors with an ERR_PARSE_ARGS_* code.
    const parseError = String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseError) {
      err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  } finally {
    await services?.close();
  }
}
