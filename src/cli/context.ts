import type { Command } from 'commander';
import { resolveDataDir } from '../core/paths/data-dir';
import { openConfBackend } from '../core/settings/conf-backend';
import { keyBindingOver, keysForConfirmedBaseUrls } from '../core/secrets/key-destinations';
import { withSecretsRedacted } from '../core/secrets/redacting-store';
import { threadRedactor, type Redactor } from '../core/log/redactor';
import { createAppServices, type AppServices } from '../core/services/app-services';
import { createCliSecretStore } from './secrets';
import { findSampleData } from '../core/setup/sample-data';
import { terminalJson, terminalText } from './terminal-text';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** What a command needs from the process: where to write, and the services over the chosen data folder. */
export interface CliContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  globals(): GlobalOptions;
  /** Opens the services once per invocation, on first use. */
  services(): Promise<AppServices>;
  /** Prints a result: JSON when `--json`, else the human text. */
  print(result: unknown, human: () => string): void;
  progress(message: string): void;
}

export function createCliContext(
  program: Command,
  io: Pick<CliContext, 'stdout' | 'stderr' | 'stdin' | 'env'> & { jobWorkerFile?: string },
  redactor: Redactor = threadRedactor,
): CliContext & { close(): void } {
  const { jobWorkerFile, ...streams } = io;
  let opened: AppServices | undefined;
  const globals = () => program.opts<GlobalOptions>();
  return {
    ...streams,
    globals,
    async services() {
      if (!opened) {
        const dataDir = resolveDataDir(globals().dataDir, io.env);
        const settingsBackend = openConfBackend(dataDir);
        // The settings file is shared with the app: a base URL changed there gets no key until confirmed.
        const keys = keyBindingOver(dataDir, settingsBackend, io.env);
        opened = createAppServices({
          dataDir,
          settingsBackend,
          secrets: keysForConfirmedBaseUrls(withSecretsRedacted(await createCliSecretStore(io.env), redactor), keys),
          env: io.env,
          jobWorkerFile,
          sampleData: findSampleData(import.meta.dirname),
        });
      }
      return opened;
    },
    print(result, human) {
      io.stdout.write(globals().json ? `${terminalJson(result)}\n` : `${terminalText(human())}\n`);
    },
    progress(message) {
      io.stderr.write(`${terminalText(message)}\n`);
    },
    close() {
      opened?.close();
    },
  };
}
