import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';
import { lumoraBefore, NO_CACHE } from '../watch/support';

describe('crm-intel plans and schedule run-due', () => {
  it('refreshes the watch list when a plan is due, logs the run, and runs nothing until it is due again', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const args = ['--data-dir', path.join(tempDir(), 'data')];
      const cli = (...command: string[]) => runCli([...command, ...args], env);
      await cli('watch', 'add', 'Lumora Analytics', '--every', '1d');
      expect((await cli('plans', 'add', 'refresh', '--every-hours', '6')).stdout).toMatch(
        /Added plan refresh {2}every 6 h: refresh-watches {2}next /,
      );
      expect((await cli('plans', 'add', 'odd', '--cron', 'every tuesday')).stderr).toMatch(
        /trigger.cron: not a cron expression/,
      );
      expect((await cli('plans', 'add', 'both')).stderr).toMatch(
        /one trigger: --cron EXPRESSION, --every-hours N or --on-alert KIND\.\.\./,
      );
      expect((await cli('plans', 'add', 'rounds', '--on-alert', 'funding', '--steps', 'notify')).stderr).toMatch(
        /trigger.alertKinds\[0\]: unknown alert kind "funding" \(one of funding_round, /,
      );
      expect((await cli('plans', 'add', 'rounds', '--on-alert', 'funding_round')).stderr).toMatch(
        /Say what a plan started by alerts runs: --steps notify/,
      );
      const rounds = [
        'plans',
        'add',
        'rounds',
        '--on-alert',
        'funding_round',
        'news',
        '--companies',
        'Lumora Analytics',
      ];
      expect((await cli(...rounds, '--steps', 'draft-alerts', 'notify')).stdout).toBe(
        'Added plan rounds  on funding_round or news alerts at Lumora Analytics: draft-alerts, notify.\n',
      );

      const ran = JSON.parse((await cli('schedule', 'run-due', '--json')).stdout) as {
        status: string;
        summary: Record<string, number>;
      }[];
      expect(ran).toHaveLength(1);
      expect(ran[0]).toMatchObject({
        status: 'completed',
        summary: { watchesRefreshed: 1, alerts: 0, watchErrors: 0 },
      });
      expect(ran[0]!.summary.providerCalls).toBeGreaterThan(0);
      expect((await cli('schedule', 'run-due')).stdout).toBe('No plan is due.\n');

      const log = await cli('plans', 'log', 'refresh');
      expect(log.stdout).toMatch(
        /^#\d+ \S+ -> \S+ completed: watchesRefreshed 1, alerts 0, providerCalls \d+, watchErrors 0, notifications 0\n$/,
      );
      // Run by hand: the watch itself is not due again for a day, so nothing is refreshed.
      expect((await cli('plans', 'run', 'refresh')).stdout).toMatch(/completed \(run by hand\): watchesRefreshed 0/);
      // Run by hand: the log says so, and an alert plan with no alerts waiting acts on none.
      expect((await cli('plans', 'run', 'rounds')).stdout).toMatch(/completed \(run by hand\): alerts 0/);
      expect((await cli('plans', 'pause', 'refresh')).stdout).toMatch(/\(paused\)/);
      expect((await cli('plans', 'list', '--json')).stdout).toMatch(/"paused": true/);
    } finally {
      await server.close();
    }
  });

  it('runs a plan started by alerts when a refresh raises one of its kinds, and logs which alerts', async () => {
    const fixtures = lumoraBefore();
    const server = await startFakeTavily({ fixtures });
    try {
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const args = ['--data-dir', path.join(tempDir(), 'data')];
      const cli = (...command: string[]) => runCli([...command, ...args], env);
      await cli('settings', 'set', 'cacheTtlHours', JSON.stringify(NO_CACHE));
      await cli('watch', 'add', 'Lumora Analytics', '--every', '1d', '--workflow', 'comprehensive');
      await cli('watch', 'refresh');
      await cli(
        'plans',
        'add',
        'on-rounds',
        '--on-alert',
        'funding_round',
        '--companies',
        'Lumora Analytics',
        '--steps',
        'draft-alerts',
      );
      expect((await cli('schedule', 'run-due')).stdout).toBe('No plan is due.\n');

      fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
      await cli('watch', 'refresh', 'Lumora Analytics');
      const rounds = JSON.parse((await cli('alerts', 'list', '--kind', 'funding_round', '--json')).stdout) as {
        id: number;
      }[];
      expect(rounds.length).toBeGreaterThan(0);
      const started = `(started by ${rounds.length} alert${rounds.length === 1 ? '' : 's'}: ${rounds
        .map((r) => `#${r.id}`)
        .sort()
        .join(', ')})`;
      const ran = (await cli('schedule', 'run-due')).stdout;
      expect(ran).toContain(`completed ${started}: alerts ${rounds.length}`);
      expect((await cli('plans', 'log', 'on-rounds')).stdout).toBe(ran);
      expect((await cli('schedule', 'run-due')).stdout).toBe('No plan is due.\n');
    } finally {
      await server.close();
    }
  });
});
