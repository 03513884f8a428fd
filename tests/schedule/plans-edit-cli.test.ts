import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { FAKE_TAVILY_KEY, loadTavilyFixtures, startFakeTavily } from '../support/providers/fake-tavily';

describe('crm-intel plans edit', () => {
  it('changes only the options given, keeps the pause, and refuses a bad edit without changing the plan', async () => {
    const args = ['--data-dir', path.join(tempDir(), 'data')];
    const cli = (...command: string[]) => runCli([...command, ...args]);
    const stored = async (name: string) =>
      (JSON.parse((await cli('plans', 'list', '--json')).stdout) as { name: string }[]).find((p) => p.name === name);
    await cli(
      'plans',
      'add',
      'mornings',
      '--cron',
      '0 9 * * 1-5',
      '--timezone',
      'UTC',
      '--steps',
      'refresh-watches',
      'notify',
    );
    await cli('plans', 'pause', 'mornings');

    expect((await cli('plans', 'edit', 'mornings', '--timezone', 'Europe/Berlin')).stdout).toBe(
      'Edited plan mornings  cron "0 9 * * 1-5" Europe/Berlin: refresh-watches, notify  (paused).\n',
    );
    expect((await cli('plans', 'edit', 'mornings', '--cron', '0 18 * * *')).stdout).toBe(
      'Edited plan mornings  cron "0 18 * * *" Europe/Berlin: refresh-watches, notify  (paused).\n',
    );
    expect((await cli('plans', 'edit', 'mornings', '--steps', 'refresh-watches')).stdout).toBe(
      'Edited plan mornings  cron "0 18 * * *" Europe/Berlin: refresh-watches  (paused).\n',
    );
    expect((await cli('plans', 'edit', 'mornings', '--every-hours', '6', '--json')).stdout).toMatch(
      /"trigger": \{\s*"everyHours": 6\s*\}/,
    );

    const before = await stored('mornings');
    const refused = await cli('plans', 'edit', 'mornings', '--cron', 'every tuesday');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/trigger.cron: not a cron expression/);
    expect((await cli('plans', 'edit', 'mornings', '--cron', '0 9 * * *', '--every-hours', '2')).stderr).toMatch(
      /one trigger: --cron EXPRESSION, --every-hours N or --on-alert KIND\.\.\./,
    );
    expect((await cli('plans', 'edit', 'mornings', '--companies', 'Lumora Analytics')).stderr).toMatch(
      /--companies goes with --on-alert\./,
    );
    expect((await cli('plans', 'edit', 'mornings', '--timezone', 'UTC')).stderr).toMatch(
      /--timezone goes with --cron\./,
    );
    expect(await stored('mornings')).toEqual(before);
    expect((await cli('plans', 'edit', 'evenings', '--every-hours', '2')).stderr).toMatch(/No plan named evenings/);

    await cli('plans', 'add', 'rounds', '--on-alert', 'funding_round', '--steps', 'notify');
    expect((await cli('plans', 'edit', 'rounds', '--companies', 'Lumora Analytics')).stdout).toBe(
      'Edited plan rounds  on funding_round alerts at Lumora Analytics: notify.\n',
    );
    expect((await cli('plans', 'edit', 'rounds', '--on-alert', 'news', 'funding_round')).stdout).toBe(
      'Edited plan rounds  on news or funding_round alerts at Lumora Analytics: notify.\n',
    );
  });

  it('renames a plan, which keeps its log and pause, and refuses a name another plan has', async () => {
    const args = ['--data-dir', path.join(tempDir(), 'data')];
    const cli = (...command: string[]) => runCli([...command, ...args]);
    await cli('plans', 'add', 'mornings', '--every-hours', '6');
    await cli('plans', 'add', 'nightly', '--every-hours', '24');
    expect((await cli('plans', 'run', 'mornings')).stdout).toMatch(/completed \(run by hand\)/);
    await cli('plans', 'pause', 'mornings');

    expect((await cli('plans', 'edit', 'mornings', '--rename', 'evenings')).stdout).toBe(
      'Edited plan evenings  every 6 h: refresh-watches  (paused) (was mornings).\n',
    );
    expect((await cli('plans', 'log', 'evenings')).stdout).toMatch(/^#1 \S+ -> \S+ completed \(run by hand\)/);
    expect((await cli('plans', 'log', 'mornings')).stderr).toMatch(/No plan named mornings/);

    const taken = await cli('plans', 'edit', 'evenings', '--rename', 'nightly', '--every-hours', '2');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toBe('crm-intel: Invalid plan: name: a plan named nightly exists already.\n');
    expect((await cli('plans', 'edit', 'evenings', '--rename', 'Late Evenings')).stderr).toMatch(
      /name: must be lower-case letters, digits, - or _/,
    );
    expect((await cli('plans', 'list')).stdout).toMatch(
      /^evenings {2}every 6 h: refresh-watches {2}\(paused\)\nnightly /,
    );
  });

  it('cancels a plan run by hand on Ctrl-C: the run is logged as cancelled and the plan is free again', async () => {
    // Searches that take 20 s: the refresh is still waiting for them when Ctrl-C comes.
    const slow = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora'), latencyMs: 20_000 });
    try {
      const args = ['--data-dir', path.join(tempDir(), 'data')];
      const env = { TAVILY_BASE_URL: slow.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const cli = (...command: string[]) => runCli([...command, ...args], env);
      await cli('watch', 'add', 'Lumora Analytics', '--every', '1d');
      await cli('plans', 'add', 'refresh', '--every-hours', '6', '--steps', 'refresh-watches', 'notify');

      const run = spawn(process.execPath, [path.resolve('bin/crm-intel.js'), 'plans', 'run', 'refresh', ...args], {
        env: { ...process.env, ...env },
      });
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
      run.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
      const exited = new Promise<number | null>((resolve) => run.on('exit', (code) => resolve(code)));
      await expect.poll(() => slow.searches().length, { timeout: 20_000 }).toBeGreaterThan(0);
      run.kill('SIGINT');
      expect(await exited).toBe(130);

      expect(stderr).toMatch(/Cancelling plan refresh/);
      expect(stdout).toMatch(
        /^#1 \S+ -> \S+ cancelled \(run by hand\).*error: Stopped during step 1 of 2 \(refresh-watches\)/,
      );
      expect((await cli('plans', 'log', 'refresh', '--json')).stdout).toMatch(/"status": "cancelled"/);
      // Removing a plan is refused while a process holds its lease: the cancelled run gave it up.
      expect((await cli('plans', 'remove', 'refresh')).stdout).toBe('Removed plan refresh.\n');
    } finally {
      await slow.close();
    }
  });
});
