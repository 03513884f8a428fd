import { Command, CommanderError } from 'commander';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { createCliContext } from './context';
import { terminalText } from './terminal-text';
import { commands } from './commands';
import { toIpcError } from '../core/ipc/dispatch';
import { stackWithCauses } from '../core/errors';
import { threadRedactor } from '../core/log/redactor';
import { withRedactedWrites } from '../core/log/redacting-stream';
import { reportStrayErrors } from './stray-errors';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export interface CliIo {
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  stdin?: NodeJS.ReadableStream;
  env?: NodeJS.ProcessEnv;
  /** The built job worker (out/cli/job-worker.js); run from source (tests), the TypeScript worker. */
  jobWorkerFile?: string;
  /** The process this command line owns (the built entry's): its stray errors are reported as main's are. */
  owner?: NodeJS.Process;
}

/** Runs `crm-intel` with the given argv (as process.argv: node, script, ...args); returns the exit code. */
export async function main(argv: string[], io: CliIo = {}): Promise<number> {
  // Every key this process reads is cut from what it prints; messages and stack traces on stderr also lose
  // anything key-shaped (results on stdout keep a web page's "sk-learn" as it was).
  const stdout = withRedactedWrites(io.stdout ?? process.stdout, (text) => threadRedactor.redactRegistered(text));
  const stderr = withRedactedWrites(io.stderr ?? process.stderr, (text) => threadRedactor.redact(text));
  const program = new Command('crm-intel')
    .description('CRM Intelligence on the command line: company reports, lead import and outreach drafts.')
    .version(version, '-v, --version')
    .option('--data-dir <dir>', 'data folder (default: $CRM_INTEL_DATA_DIR, else the desktop app’s folder)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--debug', 'on an error, also print its stack trace')
    .exitOverride()
    .configureOutput({ writeOut: (s) => stdout.write(s), writeErr: (s) => stderr.write(s) });

  const context = createCliContext(program, {
    stdout,
    stderr,
    stdin: io.stdin ?? process.stdin,
    env: io.env ?? process.env,
    jobWorkerFile: io.jobWorkerFile,
  });
  for (const register of commands) register(program, context);
  // The running command's operands, so an unexpected error can say which file it was reading.
  let operands: string[] = [];
  program.hook('preAction', (_program, action) => {
    operands = action.args;
  });
  const report = (error: unknown) => {
    stderr.write(`crm-intel: ${terminalText(errorLine(error, operands))}\n`);
    if (program.opts<{ debug?: boolean }>().debug) stderr.write(`${terminalText(stackWithCauses(error))}\n`);
  };
  if (io.owner) reportStrayErrors(io.owner, report);

  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0) || 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    report(error);
    return 1;
  } finally {
    context.close();
  }
}

/**
 * The analyst's own mistakes (`UserFacingError`) are told as written. Anything unexpected (often a library's
 * bare TypeError) becomes one line naming the file the command was reading, never a stack trace: that is
 * for `--debug`.
 */
function errorLine(error: unknown, operands: string[]): string {
  const { code, message } = toIpcError(error);
  if (code !== 'internal') return message;
  const file = (error as { path?: unknown }).path ?? operands.find(isFile);
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  return `${typeof file === 'string' ? `${file}: ` : ''}unexpected error: ${detail} (--debug prints the details).`;
}

function isFile(operand: string): boolean {
  try {
    return fs.statSync(operand).isFile();
  } catch {
    return false;
  }
}
