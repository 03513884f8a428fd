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

  it('refuses custom components in a cycle when set, and a lookup over a file that has one says which', async () => {
    const dir = tempDir();
    const component = (name: string, dependsOn: string[]) => ({
      name,
      queries: ['{company} ' + name],
      fields: [{ name: 'plan', pattern: '(\\w+) plan' }],
      dependsOn,
    });
    const cycle = [component('pricing', ['identity', 'hiring']), component('hiring', ['pricing'])];
    const refused = await runCli([
      'settings',
      'set',
      'intel.customComponents',
      JSON.stringify(cycle),
      '--data-dir',
      dir,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'intel.customComponents.0.dependsOn.1: custom components form a cycle: pricing -> hiring -> pricing',
    );

    // Written by hand, or by a version that did not check: the lookup stops before any search, naming the field.
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ intel: { customComponents: cycle } }));
    const lookup = await runCli(['lookup', 'Lumora', '--data-dir', dir], { TAVILY_API_KEY: 'tvly-unused' });
    expect(lookup.code).toBe(1);
    expect(lookup.stderr).toMatch(
      /^crm-intel: Settings file .*config\.json is invalid: intel\.customComponents\.0\.dependsOn\.1: custom components form a cycle: pricing -> hiring -> pricing\. Fix or remove that field/,
    );
  });
});
