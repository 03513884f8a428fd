import { setTimeout as delay } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TavilyFixture } from '../support/providers/fake-tavily';

/** Waits until `check` holds, polling; the test's own time limit bounds the wait. */
export async function waitFor(check: () => boolean | Promise<boolean>, pollMs = 25): Promise<void> {
  while (!(await check())) await delay(pollMs);
}

/** One search result per company, so every company is identified and has a description fact. */
export function companyFixtures(names: readonly string[]): TavilyFixture[] {
  return names.map((name) => ({
    match: name,
    results: [
      {
        title: name,
        url: `https://${name.toLowerCase().replace(/\W+/g, '')}.example/`,
        score: 0.9,
        content: `${name} is a software company headquartered in Austin, Texas.`,
      },
    ],
  }));
}

const CLI = path.resolve('bin/crm-intel.js');

/** `crm-intel enrich` as a real child process against a data folder and a loopback Tavily. */
export function spawnEnrich(options: { dataDir: string; importId: number; tavilyUrl: string; tavilyKey: string }) {
  const child = spawn(
    process.execPath,
    [CLI, 'enrich', '--import', String(options.importId), '--workflow', 'standard', '--json'],
    {
      env: {
        ...process.env,
        CRM_INTEL_DATA_DIR: options.dataDir,
        TAVILY_BASE_URL: options.tavilyUrl,
        TAVILY_API_KEY: options.tavilyKey,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += String(chunk)));
  return { child, exited, stdout: () => stdout };
}
