import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { migrations } from '../../src/core/store/migrations';
import { tempDir } from '../support/temp-dir';

describe('crm-intel status', () => {
  it('prints the schema version and counts as JSON for --data-dir', async () => {
    const dir = tempDir();
    const result = await runCli(['status', '--json', '--data-dir', dir]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({
      dataDir: dir,
      schemaVersion: migrations.at(-1)!.version,
      counts: { companies: 0, leads: 0, drafts: 0, cacheEntries: 0 },
    });
    expect(status.keys).toHaveProperty('tavily');
  });

  it('uses CRM_INTEL_DATA_DIR when no flag is given', async () => {
    const dir = tempDir();
    const result = await runCli(['--json', 'status'], { CRM_INTEL_DATA_DIR: dir });
    expect(JSON.parse(result.stdout).dataDir).toBe(dir);
  });

  it('exits non-zero with the problem on stderr for an invalid settings file', async () => {
    const dir = tempDir();
    const fs = await import('node:fs');
    fs.writeFileSync(`${dir}/config.json`, JSON.stringify({ defaultPhoneRegion: 'xx' }));
    const result = await runCli(['status', '--data-dir', dir]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/defaultPhoneRegion/);
  });

  it('rejects an unknown command with a non-zero exit', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unknown command/);
  });
});
