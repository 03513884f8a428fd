import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

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
});
