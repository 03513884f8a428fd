import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { createCliContext } from './context';
import { terminalText } from './terminal-text';
import { commands } from './commands';
import { toIpcError } from '../core/ipc/dispatch';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface CliIo {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
  env?: NodeJS.ProcessEnv;
}

/** Runs `crm-intel` with the given argv (as process.argv: node, script, ...args); returns the exit code. */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const program = new Command('crm-intel')
    .description('CRM Intelligence on the command line: company reports, lead import and outreach drafts.')
    .version(version, '-v, --version')
    .option('--data-dir <dir>', 'data folder (default: $CRM_INTEL_DATA_DIR, else the desktop app’s folder)')
    .option('--json', 'print machine-readable JSON on stdout')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  const context = createCliContext(program, { stdout, stderr, stdin: io.stdin ?? process.stdin, env: io.env ?? process.env });
  for (const register of commands) register(program, context);

  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0) || 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const { code, message } = toIpcError(error);
    stderr.write(`crm-intel: ${terminalText(code === 'internal' && error instanceof Error ? error.message : message)}\n`);
    return 1;
  } finally {
    context.close();
  }
}
