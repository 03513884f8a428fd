import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { FAKE_TAVILY_KEY, loadTavilyFixtures, startFakeTavily } from '../support/providers/fake-tavily';
import { tempDir } from '../support/temp-dir';

describe('crm-intel lookup --format', () => {
  it('prints the report as Markdown by default and as an HTML page with numbered endnotes on request', async () => {
    const server = await startFakeTavily({ fixtures: loadTavilyFixtures('lumora') });
    try {
      const env = { TAVILY_BASE_URL: server.baseUrl, TAVILY_API_KEY: FAKE_TAVILY_KEY };
      const dataDir = tempDir();
      const markdown = await runCli(['lookup', 'Lumora Analytics', '--data-dir', dataDir], env);
      expect(markdown.stdout).toMatch(/^# Lumora Analytics/);
      const html = await runCli(['lookup', 'Lumora Analytics', '--format', 'html', '--data-dir', dataDir], env);
      expect(html.code).toBe(0);
      expect(html.stdout).toMatch(/^<!doctype html>/);
      expect(html.stdout).toContain('<h1>Lumora Analytics');
      // Every citation points at an endnote that exists, and each endnote shows its URL.
      const cited = new Set([...html.stdout.matchAll(/href="#source-(\d+)"/g)].map((m) => m[1]));
      expect(cited.size).toBeGreaterThan(0);
      for (const id of cited)
        expect(html.stdout).toMatch(new RegExp(`<li id="source-${id}" value="${id}">[^<]*<br><a href="https://`));
      const refused = await runCli(['lookup', 'Lumora Analytics', '--format', 'pdf', '--data-dir', dataDir], env);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/Allowed choices are md, html/);
    } finally {
      await server.close();
    }
  });
});
