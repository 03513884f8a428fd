import fs from 'node:fs';
import path from 'node:path';
import type { Redactor } from './redactor';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  readonly file: string;
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

export const LOG_FILE_NAME = 'crm-intelligence.log';

/** The log is rotated once at start when it passes this size, keeping one previous file. */
const ROTATE_AT_BYTES = 5 * 1024 * 1024;

/**
 * A plain-text log in `<dataDir>/logs/`, one line per entry. Every line passes through the redactor, so a
 * key that reaches an error message or a stack trace is replaced before it touches the disk. Appends are
 * synchronous: entries are rare and short, and nothing is lost if the process dies right after.
 */
export function createFileLogger(dataDir: string, redactor: Redactor): Logger {
  const file = path.join(dataDir, 'logs', LOG_FILE_NAME);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  rotateIfLarge(file);

  const write = (level: LogLevel, message: string, error?: unknown) => {
    const detail = error === undefined ? '' : `\n${describeError(error)}`;
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}`;
    fs.appendFileSync(file, `${redactor.redact(line)}\n`, { mode: 0o600 });
  };

  return {
    file,
    info: (message) => write('info', message),
    warn: (message, error) => write('warn', message, error),
    error: (message, error) => write('error', message, error),
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own}\nCaused by: ${describeError(error.cause)}`;
}

function rotateIfLarge(file: string): void {
  try {
    if (fs.statSync(file).size > ROTATE_AT_BYTES) fs.renameSync(file, `${file}.1`);
  } catch {
    // No log yet.
  }
}
