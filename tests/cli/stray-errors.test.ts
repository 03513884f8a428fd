import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';

const CLI = path.resolve('bin/crm-intel.js');

/**
 * Runs the built `crm-intel` in a child process. `closeStdout`: the reader of its stdout goes away at once
 * (as `crm-intel ... | head -c0` does), so its first write fails outside `main` with EPIPE.
 */
function runCli(args: string[], options: { closeStdout?: boolean; nodeOptions?: string[] } = {}) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), CLI, ...args], {
      env: { ...process.env, CRM_INTEL_DATA_DIR: '' },
    });
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.resume();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function leadsFile(): string {
  const file = path.join(tempDir(), 'leads.csv');
  fs.writeFileSync(file, 'Email\nana@acme.example\n');
  return file;
}

describe('an error thrown outside main, in the real command line', () => {
  it('stdout closed under the command (EPIPE): one line naming the file, exit 1; --debug adds the stack', async () => {
    const file = leadsFile();
    const plain = await runCli(['--data-dir', tempDir(), '--json', 'import', file, '--dry-run'], {
      closeStdout: true,
    });
    const line = `crm-intel: ${file}: unexpected error: write EPIPE (--debug prints the details).`;
    expect(plain, JSON.stringify(plain)).toMatchObject({ code: 1 });
    // After the import's progress line (stderr is still open), the error's line and nothing more.
    expect(plain.stderr.split('\n').slice(-2)).toEqual([line, '']);
    expect(plain.stderr).not.toMatch(/^\s+at /m);

    const debug = await runCli(['--data-dir', tempDir(), '--debug', '--json', 'import', file, '--dry-run'], {
      closeStdout: true,
    });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toContain(`${line}\nError: write EPIPE\n    at `);
  });

  it('a promise rejected from a timer with nobody awaiting it: one line, no stack, exit 1', async () => {
    // Stands for a library's callback that rejects once the command is running; started as soon as the
    // command line has set up its handling, from the next turn of the event loop.
    const stray = `process.on('newListener', (event) => { if (event === 'unhandledRejection') setImmediate(() => Promise.reject(new RangeError('Invalid array length'))); });`;
    const result = await runCli(['--data-dir', tempDir(), 'status'], {
      nodeOptions: ['--import', `data:text/javascript,${encodeURIComponent(stray)}`],
    });
    expect(result).toEqual({
      code: 1,
      stderr: 'crm-intel: unexpected error: Invalid array length (--debug prints the details).\n',
    });
  });
});
