import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/core/providers/registry';
import { tempDir } from '../support/temp-dir';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A newcomer's machine: no key in the environment and no Secret Service (keytar fails as it does there). */
const newcomerEnv = Object.fromEntries(
  Object.entries({ ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent-bus' }).filter(
    ([name]) => !Object.values(SECRET_VARIABLES).includes(name) && !name.endsWith('_BASE_URL'),
  ),
);

/** The built command line (bin/crm-intel.js), as a newcomer runs it; a failure resolves with its output too. */
async function crmIntel(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(repoRoot, 'bin/crm-intel.js'), ...args], {
      env: newcomerEnv,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('first run on the command line, with no key, no keychain and no research folder', () => {
  it('status and a lookup say that nothing can be searched and what to do, not only what the keychain lacks', async () => {
    const dataDir = tempDir();
    const status = await crmIntel('status', '--data-dir', dataDir);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Keychain {9}The OS keychain/);
    expect(status.stdout).toMatch(
      /Nothing can be searched yet: there is no Tavily key and no research folder\. To try it now with sample data about a fictional company \(Fernhollow Robotics\): crm-intel sample use\. To search the web: add a Tavily key, crm-intel keys set tavily \(this computer has no usable keychain, so set the TAVILY_API_KEY environment variable instead\)\. To search your own documents: crm-intel settings set researchFolder DIR\./,
    );

    const lookup = await crmIntel('lookup', 'Fernhollow Robotics', '--data-dir', dataDir);
    expect(lookup.code).toBe(1);
    expect(lookup.stdout).toBe('');
    expect(lookup.stderr).toMatch(/Nothing can be searched yet.*crm-intel sample use.*TAVILY_API_KEY/);
  });

  it('crm-intel sample use makes a lookup work with no key, labelled as sample data, and status stops asking', async () => {
    const dataDir = tempDir();
    const used = await crmIntel('sample', 'use', '--data-dir', dataDir);
    expect(used.code).toBe(0);
    expect(used.stdout).toMatch(/^Sample data: Fernhollow Robotics and everyone in it are fictional\./);
    expect(used.stdout).toMatch(/3 sample documents indexed/);
    expect(used.stdout).toContain(
      `crm-intel import "${path.join(repoRoot, 'resources/sample-data/sample-leads.csv')}"`,
    );

    const lookup = await crmIntel('lookup', 'Fernhollow Robotics', '--json', '--data-dir', dataDir);
    expect(lookup.code).toBe(0);
    const report = JSON.parse(lookup.stdout) as { executives: { name: string }[]; sources: { url: string }[] };
    expect(report.executives.map((e) => e.name)).toContain('Ada Okafor');
    expect(report.sources.every((s) => s.url.includes('/sample-data/research/'))).toBe(true);

    const status = await crmIntel('status', '--data-dir', dataDir);
    expect(status.stdout).not.toMatch(/Nothing can be searched/);
    expect(status.stdout).toMatch(/Research folder {2}the sample data \(Fernhollow Robotics is fictional\)/);
  });
});
