import { runCli } from './run-cli.ts';

/** `npm run relay -- <command>`: the operator's CLI. */
process.exitCode = await runCli(process.argv.slice(2));
