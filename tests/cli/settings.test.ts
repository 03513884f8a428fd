import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

describe('crm-intel settings', () => {
  it('sets a setting in the shared settings file (text stays text, numbers and lists are JSON) and shows it', async () => {
    const dir = tempDir();
    const signature = await runCli(['settings', 'set', 'sender.signature', '2024', '--data-dir', dir]);
    expect(signature.stdout).toBe(`sender.signature = "2024" (saved to ${path.join(dir, 'config.json')})\n`);
    expect((await runCli(['settings', 'set', 'cacheTtlHours.news', '12', '--data-dir', dir])).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({
      sender: { signature: '2024' },
      cacheTtlHours: { news: 12 },
    });
    const shown = await runCli(['--json', 'settings', 'show', 'cacheTtlHours', '--data-dir', dir]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ news: 12, overview: 24 * 14 });
  });

  it('refuses a value that fails validation, on stderr, and leaves the file unchanged', async () => {
    const dir = tempDir();
    await runCli(['settings', 'set', 'sender.name', 'Dana', '--data-dir', dir]);
    const before = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
    const refused = await runCli(['settings', 'set', 'intel.retries', '99', '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^crm-intel: Not saved: intel\.retries: .*10.* The settings file .* is unchanged\.\n$/,
    );
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(before);
  });
});
