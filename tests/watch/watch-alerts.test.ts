import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { lumoraBefore, NO_CACHE } from './support';
import { tempDir } from '../support/temp-dir';

type AlertJson = {
  id: number;
  kind: string;
  summary: string;
  companyName: string;
  readAt: string | null;
  evidence: { url: string; text: string }[];
};

async function setup() {
  const fixtures = lumoraBefore();
  const server = await startFakeTavily({ fixtures });
  const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
  const args = ['--data-dir', path.join(tempDir(), 'data')];
  const cli = (...command: string[]) => runCli([...command, ...args], env);
  /** The web as it is now: the fake serves the same array, so later searches see the change. */
  const changeTheWeb = () => fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
  return { server, cli, changeTheWeb };
}

describe('watch list and alerts', () => {
  it('turns what changed since the previous refresh into alerts with their sources, and marks them read', async () => {
    const { server, cli, changeTheWeb } = await setup();
    try {
      // Every response expires at once, so each refresh asks the web again.
      await cli('settings', 'set', 'cacheTtlHours', JSON.stringify(NO_CACHE));
      const added = await cli('watch', 'add', 'Lumora Analytics', '--every', '1d', '--workflow', 'comprehensive');
      expect(added.stdout).toMatch(/Watching Lumora Analytics {2}every 1d with comprehensive/);

      const baseline = JSON.parse((await cli('watch', 'refresh', '--json')).stdout) as {
        alerts: number;
        error: string | null;
      }[];
      expect(baseline).toMatchObject([{ alerts: 0, error: null }]);
      expect((await cli('watch', 'refresh')).stdout).toBe('No watch is due.\n');

      changeTheWeb();
      const refreshed = JSON.parse((await cli('watch', 'refresh', 'Lumora Analytics', '--json')).stdout) as {
        alerts: number;
        providerCalls: number;
      }[];
      expect(refreshed[0]!.providerCalls).toBeGreaterThan(0);

      const alerts = JSON.parse((await cli('alerts', 'list', '--unread', '--json')).stdout) as AlertJson[];
      expect(refreshed[0]!.alerts).toBe(alerts.length);
      const summaries = alerts.map((a) => `${a.kind}: ${a.summary}`);
      expect(summaries).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^funding_round: New funding round: Series B, USD 45000000/),
          'executive_departed: No longer listed: Daniel Ortiz, Chief Operating Officer',
          expect.stringMatching(/^news: News \(2025-03-18\): .*Tom Becker/),
          'headquarters_changed: Headquarters: Denver, Colorado -> Austin, Texas',
          'size_changed: Employees: 180 -> 240',
        ]),
      );
      const round = alerts.find((a) => a.kind === 'funding_round' && a.summary.includes('Series B'))!;
      expect(round.evidence).toEqual([
        expect.objectContaining({
          url: 'https://news.example.com/lumora-series-b',
          text: expect.stringContaining('$45 million'),
        }),
      ]);
      const departed = alerts.find((a) => a.kind === 'executive_departed')!;
      expect(departed.evidence[0]).toMatchObject({
        url: 'https://www.lumora.io/team',
        text: expect.stringContaining('Daniel Ortiz'),
      });

      const human = await cli('alerts', 'list', '--company', 'lumora.io', '--kind', 'headquarters_changed');
      expect(human.stdout).toMatch(
        /\* #\d+ .* Lumora Analytics \[headquarters_changed\] Headquarters: Denver, Colorado -> Austin, Texas\n {4}.*<https:\/\/www\.lumora\.io\/about>/,
      );

      expect((await cli('alerts', 'read', String(round.id))).stdout).toBe('Marked 1 alerts read.\n');
      expect(JSON.parse((await cli('alerts', 'list', '--unread', '--json')).stdout)).toHaveLength(alerts.length - 1);
      await cli('alerts', 'read', '--all');
      expect(JSON.parse((await cli('alerts', 'list', '--unread', '--json')).stdout)).toEqual([]);
      expect(JSON.parse((await cli('alerts', 'list', '--json')).stdout)).toHaveLength(alerts.length);
    } finally {
      await server.close();
    }
  });

  it('respects cache lifetimes: a refresh within them makes no provider call and raises nothing', async () => {
    const { server, cli, changeTheWeb } = await setup();
    try {
      await cli('watch', 'add', 'Lumora Analytics', '--every', '12h');
      await cli('watch', 'refresh');
      changeTheWeb();
      const again = JSON.parse((await cli('watch', 'refresh', 'Lumora Analytics', '--json')).stdout) as {
        alerts: number;
        providerCalls: number;
      }[];
      expect(again).toMatchObject([{ alerts: 0, providerCalls: 0 }]);

      const list = JSON.parse((await cli('watch', 'list', '--json')).stdout) as {
        query: string;
        everyMinutes: number;
        workflow: string;
        lastRunId: number;
      }[];
      expect(list).toMatchObject([{ query: 'Lumora Analytics', everyMinutes: 720, workflow: 'standard' }]);
      await cli('watch', 'remove', 'Lumora Analytics');
      expect((await cli('watch', 'list')).stdout).toMatch(/No company is watched/);
      expect((await cli('watch', 'remove', 'Lumora Analytics')).stderr).toMatch(/is not on the watch list/);
      expect((await cli('watch', 'add', 'Lumora Analytics', '--every', '5m')).stderr).toMatch(
        /"5m" is not an interval of at least 15 minutes/,
      );
      expect((await cli('watch', 'add', 'Lumora Analytics', '--workflow', 'nope')).stderr).toMatch(
        /No workflow named "nope"/,
      );
    } finally {
      await server.close();
    }
  });
});
