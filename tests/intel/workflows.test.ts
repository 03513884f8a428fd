import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { startFakeTavily, loadTavilyFixtures, FAKE_TAVILY_KEY } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';

function writeWorkflow(dir: string, name: string, workflow: unknown): string {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(workflow));
  return file;
}

const stepNames = (stdout: string) =>
  (JSON.parse(stdout) as { run: { steps: { component: string }[] } }).run.steps.map((s) => s.component).sort();

describe('crm-intel workflow', () => {
  it('refuses a workflow file with a cycle, a missing dependency or an unknown component, naming each', async () => {
    const dir = tempDir();
    const args = ['--data-dir', path.join(dir, 'data')];
    const cycle = writeWorkflow(dir, 'cycle', {
      name: 'loop',
      steps: [
        { component: 'identity' },
        { component: 'overview', dependsOn: ['news'] },
        { component: 'news', dependsOn: ['overview'] },
      ],
    });
    const cycled = await runCli(['workflow', 'add', cycle, ...args]);
    expect(cycled.code).toBe(1);
    expect(cycled.stderr).toContain('cycle: overview -> news -> overview');

    const missing = writeWorkflow(dir, 'missing', {
      name: 'gap',
      steps: [{ component: 'executives', dependsOn: ['identity'] }],
    });
    expect((await runCli(['workflow', 'add', missing, ...args])).stderr).toContain(
      'steps[0].dependsOn: "executives" depends on "identity", which is not a step of this workflow',
    );

    const unknown = writeWorkflow(dir, 'unknown', {
      name: 'odd',
      steps: [{ component: 'identity' }, { component: 'patents', dependsOn: ['identity'] }],
    });
    const refused = await runCli(['workflow', 'add', unknown, ...args]);
    expect(refused.stderr).toContain(
      'steps[1].component: unknown component "patents" (known: identity, overview, executives, funding, news)',
    );

    const builtin = writeWorkflow(dir, 'builtin', { name: 'standard', steps: [{ component: 'identity' }] });
    expect((await runCli(['workflow', 'add', builtin, ...args])).stderr).toContain('"standard" is a built-in workflow');
    expect((await runCli(['workflow', 'list', '--json', ...args])).stdout).not.toContain('loop');
  });

  it('adds a workflow from a file, lists and shows it, and runs it with its search options', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const dir = tempDir();
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const args = ['--data-dir', path.join(dir, 'data')];
      const file = writeWorkflow(dir, 'people', {
        name: 'people',
        description: 'Who runs it, searched deeply.',
        steps: [
          { component: 'identity' },
          {
            component: 'executives',
            dependsOn: ['identity'],
            options: { searchDepth: 'advanced', maxResults: 3, maxExecutives: 2, timeRange: 'year' },
          },
        ],
      });
      const added = await runCli(['workflow', 'add', file, ...args], env);
      expect(added.stdout).toContain('Saved workflow people: identity, executives.');

      const list = JSON.parse((await runCli(['workflow', 'list', '--json', ...args], env)).stdout) as {
        name: string;
        builtin: boolean;
      }[];
      expect(list.map((w) => [w.name, w.builtin])).toEqual([
        ['standard', true],
        ['comprehensive', true],
        ['people', false],
      ]);
      const shown = await runCli(['workflow', 'show', 'people', ...args], env);
      expect(shown.stdout).toContain(
        'executives  after identity  searchDepth=advanced maxResults=3 maxExecutives=2 timeRange=year',
      );

      const run = await runCli(['workflow', 'run', 'people', '--company', 'Lumora Analytics', '--json', ...args], env);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { run: { workflow: string }; executives: unknown[] };
      expect(report.run.workflow).toBe('people');
      expect(stepNames(run.stdout)).toEqual(['executives', 'identity']);
      expect(report.executives.length).toBeGreaterThan(0);
      expect(report.executives.length).toBeLessThanOrEqual(2);
      const executiveSearches = server
        .searches()
        .filter((r) => /leadership|executive|ceo|founder/i.test(String((r.body as { query: string }).query)));
      expect(executiveSearches.length).toBeGreaterThan(0);
      for (const search of executiveSearches)
        expect(search.body).toMatchObject({ search_depth: 'advanced', max_results: 3, time_range: 'year' });

      const unknown = await runCli(['workflow', 'run', 'nope', '--company', 'Lumora Analytics', ...args], env);
      expect(unknown.stderr).toContain('No workflow named "nope". Known: standard, comprehensive, people.');
    } finally {
      await server.close();
    }
  });

  it('keeps the replaced system’s `intel --types` alias, and leaves out components switched off in settings', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const dir = tempDir();
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const args = ['--data-dir', path.join(dir, 'data')];
      const aliased = await runCli(
        ['intel', 'Lumora Analytics', '--types', 'company', 'executives', '--json', ...args],
        env,
      );
      expect(aliased.code).toBe(0);
      expect(stepNames(aliased.stdout)).toEqual(['executives', 'identity', 'overview']);

      await runCli(['settings', 'set', 'components.executives', '{"enabled": false}', ...args], env);
      const standard = await runCli(['lookup', 'Lumora Analytics', '--json', ...args], env);
      expect(stepNames(standard.stdout)).toEqual(['identity', 'overview']);
      const asked = await runCli(['lookup', 'Lumora Analytics', '--types', 'executives', ...args], env);
      expect(asked.stderr).toContain(
        'The executives component is switched off in settings (components.executives.enabled).',
      );
    } finally {
      await server.close();
    }
  });

  it('takes the lead file of `process` as --input-file, as the replaced system did', async () => {
    const dir = tempDir();
    const args = ['--data-dir', path.join(dir, 'data')];
    expect((await runCli(['process', ...args])).stderr).toContain(
      'Name the lead file: crm-intel process FILE (or --input-file FILE).',
    );
    const missing = await runCli(['process', '--input-file', path.join(dir, 'absent.csv'), ...args]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('absent.csv');
  });
});
