import { setTimeout as delay } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_TAVILY_KEY,
  loadTavilyFixtures,
  startFakeTavily,
  type FakeTavily,
} from '../support/providers/fake-tavily';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import { ownerIsGone, processStartedAt, thisProcess } from '../../src/core/processes/process-owner';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

const CLI = path.resolve('bin/crm-intel.js');
const servers: FakeTavily[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fakeTavily(latencyMs: number): Promise<FakeTavily> {
  const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora'), latencyMs });
  servers.push(server);
  return server;
}

/** Polls until `check` returns a value; the test's time limit bounds the wait. */
async function waitFor<T>(check: () => T | undefined): Promise<T> {
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    await delay(50);
  }
}

/** A real process that lives until killed, and resolves `exited` when it is gone. */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited };
}

describe('lookups orphaned by a process that stopped', () => {
  it('marks a run killed mid-lookup as failed (not while its process lives) and retries it into a full report', async () => {
    const slow = await fakeTavily(20_000);
    const dataDir = tempDir();
    const setup = testServices({ dataDir });
    setup.settings.update({
      intel: { extraction: 'deterministic', retries: 0, requestTimeoutSeconds: 60, stepTimeoutSeconds: 120 },
    } as SettingsPatch);
    setup.close();

    const lookup = spawn(process.execPath, [CLI, 'lookup', 'Lumora Analytics', '--data-dir', dataDir], {
      env: { ...process.env, TAVILY_BASE_URL: slow.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => lookup.on('exit', () => resolve()));
    try {
      await waitFor(() => (slow.searches().length > 0 ? true : undefined));

      // Another process (the app) opening the data folder while the lookup runs leaves the run alone.
      const watcher = testServices({ dataDir });
      try {
        const [running] = watcher.intel.runs();
        expect(running).toMatchObject({ query: 'Lumora Analytics', status: 'running' });
        expect(running!.steps.map((s) => s.status)).toEqual(['pending', 'pending', 'pending']);
      } finally {
        watcher.close();
      }
    } finally {
      lookup.kill('SIGKILL');
      await exited;
    }

    const fast = await fakeTavily(0);
    const app = testServices({ dataDir, env: { TAVILY_BASE_URL: fast.baseUrl } });
    await app.secrets.set('tavily', FAKE_TAVILY_KEY);
    try {
      // Opening services marked it: read it straight from the table, not through the listing (which also marks).
      expect(app.db.prepare('SELECT status, error FROM intel_runs').get()).toEqual({
        status: 'failed',
        error: `interrupted: the process running this lookup (pid ${lookup.pid}) stopped`,
      });
      const listed = await dispatch(createHandlers(app), 'intel:runs', { limit: 10 });
      expect(listed).toMatchObject({
        ok: true,
        data: [{ status: 'failed', partial: true, finishedAt: expect.any(String) }],
      });
      const [run] = app.intel.runs();
      expect(run!.steps).toEqual([
        expect.objectContaining({
          component: 'identity',
          status: 'failed',
          error: {
            kind: 'cancelled',
            message: expect.stringMatching(
              /^Interrupted: the process running this lookup \(pid \d+\) stopped before this step finished/,
            ),
          },
        }),
        expect.objectContaining({ component: 'overview', status: 'failed' }),
        expect.objectContaining({ component: 'executives', status: 'failed' }),
      ]);

      // The Runs screen's "Retry" on a failed step: the interrupted lookup runs again in the same run.
      const retried = await dispatch(createHandlers(app), 'intel:rerunStep', { runId: run!.id, component: 'overview' });
      expect(retried).toMatchObject({
        ok: true,
        data: { company: { name: 'Lumora Analytics' }, run: { id: run!.id, status: 'completed' } },
      });
      expect(fast.searches().length).toBeGreaterThan(0);
      const after = app.intel.run(run!.id)!;
      expect(after.status).toBe('completed');
      expect(after.steps.map((s) => [s.component, s.status, s.error])).toEqual([
        ['identity', 'completed', null],
        ['overview', 'completed', null],
        ['executives', 'completed', null],
      ]);
      expect(app.intel.report(run!.id)!.overview.description.length).toBeGreaterThan(0);
      // A finished run is not interrupted again.
      expect(app.intel.interruptOrphanedRuns()).toEqual([]);
    } finally {
      app.close();
    }
  }, 60_000);

  it('marks a run recorded without an owner only once it is older than a lookup can last', () => {
    const services = testServices();
    try {
      const insert = services.db.prepare(
        "INSERT INTO intel_runs (query, workflow, status, started_at) VALUES (?, 'standard', 'running', ?)",
      );
      const old = Number(insert.run('Old Co', new Date(Date.now() - 2 * 3600_000).toISOString()).lastInsertRowid);
      insert.run('Recent Co', new Date().toISOString());
      expect(services.intel.interruptOrphanedRuns()).toEqual([old]);
      expect(services.intel.runs().map((r) => [r.query, r.status])).toEqual([
        ['Recent Co', 'running'],
        ['Old Co', 'failed'],
      ]);
    } finally {
      services.close();
    }
  });
});

describe('run owner', () => {
  it('is alive while its process runs, gone once it exits or when its pid belongs to a later process', async () => {
    const self = thisProcess();
    expect(ownerIsGone(self)).toBe(false);
    expect(ownerIsGone({ pid: self.pid, startedAt: self.startedAt - 60_000 })).toBe(true);

    const { child, exited } = sleeper();
    const pid = child.pid!;
    try {
      const started = processStartedAt(pid) ?? Date.now();
      expect(ownerIsGone({ pid, startedAt: started })).toBe(false);
      // Where the start of another process can be read (Linux), a pid reused by a later process is not the owner.
      expect(ownerIsGone({ pid, startedAt: started - 60_000 })).toBe(processStartedAt(pid) !== null);
    } finally {
      child.kill('SIGKILL');
      await exited;
    }
    expect(ownerIsGone({ pid, startedAt: 0 })).toBe(true);
    expect(ownerIsGone({ pid: 0, startedAt: 0 })).toBe(true);
  });
});
