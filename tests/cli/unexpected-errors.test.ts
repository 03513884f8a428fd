import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

// Stands for any bug or library failure the code did not foresee while importing a file.
vi.mock('../../src/core/services/app-services', () => ({
  createAppServices: () => ({
    leads: {
      startImport: () =>
        Promise.reject(new TypeError("Cannot read properties of undefined (reading 'length')\nsecond line")),
    },
    close: () => undefined,
  }),
}));

describe('an unexpected error at the command line', () => {
  it('prints one line naming the file, without a stack; --debug prints the stack', async () => {
    const file = path.join(tempDir(), 'leads.csv');
    fs.writeFileSync(file, 'Email\na@b.example\n');
    const plain = await runCli(['--data-dir', tempDir(), 'import', file]);
    expect(plain, JSON.stringify(plain)).toMatchObject({ code: 1 });
    expect(plain.stderr).toBe(
      `crm-intel: ${file}: unexpected error: Cannot read properties of undefined (reading 'length') (--debug prints the details).\n`,
    );

    const debug = await runCli(['--data-dir', tempDir(), '--debug', 'import', file]);
    expect(debug.code).toBe(1);
    expect(debug.stderr.split('\n')[0]).toBe(
      `crm-intel: ${file}: unexpected error: Cannot read properties of undefined (reading 'length') (--debug prints the details).`,
    );
    expect(debug.stderr).toMatch(/^TypeError: Cannot read properties of undefined/m);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
