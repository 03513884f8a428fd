import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';
import { FAKE_TAVILY_KEY, loadTavilyFixtures, startFakeTavily } from '../support/providers/fake-tavily';

describe('crm-intel draft and drafts', () => {
  it('drafts an import, approves the clean drafts and exports them as .eml', async () => {
    const dir = tempDir();
    const env = { CRM_INTEL_DATA_DIR: path.join(dir, 'data') };
    fs.writeFileSync(
      path.join(dir, 'leads.csv'),
      'First Name,Last Name,Email,Company,Title\nJane,Doe,jane@acme.example,Acme Inc,VP of Sales\n,,info@beta.example,Beta GmbH,\n',
    );
    const imported = await runCli(['import', path.join(dir, 'leads.csv'), '--json'], env);
    expect(imported.code).toBe(0);
    const { importId } = JSON.parse(imported.stdout);

    const unsigned = await runCli(['draft', '--import', String(importId)], env);
    expect(unsigned.code).not.toBe(0);
    expect(unsigned.stderr).toContain('The sender profile is empty');
    expect(unsigned.stderr).toContain(
      'Settings → Sender profile (or crm-intel settings set sender.name "..." and sender.valueProposition "...")',
    );

    expect((await runCli(['settings', 'set', 'sender.name', 'Sam Carter'], env)).code).toBe(0);
    expect(
      (
        await runCli(
          [
            'settings',
            'set',
            'sender.valueProposition',
            'We help revenue teams research accounts in minutes instead of hours',
          ],
          env,
        )
      ).code,
    ).toBe(0);
    const drafted = await runCli(['draft', '--import', String(importId), '--json'], env);
    expect(drafted.code).toBe(0);
    expect(drafted.stderr).toContain(
      'Note: the sender profile lacks sender.company, sender.email; drafts will be thin until it is filled in (crm-intel settings set sender.company "...").',
    );
    const { drafts, heldBack } = JSON.parse(drafted.stdout);
    // Neither lead's company was looked up: Jane's draft stands on her role; the lead with no name or title has nothing to stand on.
    expect(drafts).toHaveLength(1);
    const [jane] = drafts;
    expect(jane).toMatchObject({ to: 'jane@acme.example', facts: [] });
    expect(jane.body).toContain('Hi Jane,');
    expect(jane.lint).toEqual([]);
    expect(heldBack).toEqual([
      {
        leadId: expect.any(Number),
        reason:
          'Beta GmbH has no usable fact yet (look the company up first), and the lead has no title: a draft would say nothing about this person.',
      },
    ]);
    const shown = await runCli(['draft', '--import', String(importId)], env);
    expect(shown.stdout).toContain(`Held back lead ${heldBack[0].leadId}: Beta GmbH has no usable fact yet`);

    const approved = await runCli(['drafts', 'approve', '--import', String(importId), '--clean', '--json'], env);
    expect(JSON.parse(approved.stdout).map((d: { id: number }) => d.id)).toEqual([jane.id]);

    const out = path.join(dir, 'eml');
    const exported = await runCli(['drafts', 'export', '--format', 'eml', '--out', out, '--json'], env);
    expect(exported.code).toBe(0);
    expect(fs.readdirSync(out)).toEqual([`draft-${jane.id}-Jane-Doe.eml`]);

    const bad = await runCli(['drafts', 'export', '--format', 'pdf', '--out', out], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/unknown format "pdf"/);
  });

  it('process FILE --json: one draft per imported lead with its facts and lint; drafts list, show, approve and export with --json', async () => {
    const tavily = await startFakeTavily({ fixtures: loadTavilyFixtures() });
    try {
      const dir = tempDir();
      const env = {
        CRM_INTEL_DATA_DIR: path.join(dir, 'data'),
        TAVILY_BASE_URL: tavily.baseUrl,
        TAVILY_API_KEY: FAKE_TAVILY_KEY,
      };
      fs.writeFileSync(
        path.join(dir, 'leads.csv'),
        'First Name,Last Name,Email,Company,Title\nPriya,Shah,priya@lumora.example,Lumora Analytics,VP of Operations\nQuinn,Ho,quinn@quillfeather.example,Quillfeather Labs,CTO\nZed,Null,zed@zyxwvut.example,Zyxwvut Nonexistent,Founder\n',
      );
      expect((await runCli(['settings', 'set', 'sender.name', 'Sam Carter'], env)).code).toBe(0);
      expect(
        (
          await runCli(
            [
              'settings',
              'set',
              'sender.valueProposition',
              'We help revenue teams research accounts in minutes instead of hours',
            ],
            env,
          )
        ).code,
      ).toBe(0);
      const processed = await runCli(['process', path.join(dir, 'leads.csv'), '--workflow', 'standard', '--json'], env);
      expect(processed.code).toBe(0);
      const report = JSON.parse(processed.stdout);
      expect(report).toMatchObject({ imported: 3, enrichment: { companiesTotal: 3 } });
      expect(report.drafts.map((d: { to: string }) => d.to)).toEqual([
        'priya@lumora.example',
        'quinn@quillfeather.example',
        'zed@zyxwvut.example',
      ]);
      for (const draft of report.drafts) {
        expect(Object.keys(draft).sort()).toEqual(['body', 'facts', 'id', 'leadId', 'lint', 'status', 'subject', 'to']);
        for (const fact of draft.facts) expect(Object.keys(fact).sort()).toEqual(['id', 'sourceUrl', 'text']);
        expect(Array.isArray(draft.lint)).toBe(true);
      }
      const priya = report.drafts[0];
      expect(priya.facts.length).toBeGreaterThan(0);
      expect(priya.facts[0].sourceUrl).toMatch(/^https:\/\//);
      expect(priya.body).toContain(priya.facts[0].text);

      const list = async (...args: string[]) =>
        JSON.parse((await runCli(['drafts', 'list', ...args, '--json'], env)).stdout) as {
          id: number;
          status: string;
        }[];
      expect(await list('--import', String(report.importId))).toHaveLength(3);
      const shown = JSON.parse((await runCli(['drafts', 'show', String(priya.id), '--json'], env)).stdout);
      expect(shown).toEqual({ ...priya, status: 'draft' });

      const approved = JSON.parse(
        (await runCli(['drafts', 'approve', String(priya.id), String(report.drafts[1].id), '--json'], env)).stdout,
      );
      expect(approved.map((d: { status: string }) => d.status)).toEqual(['approved', 'approved']);
      expect((await list('--status', 'approved')).map((d) => d.id)).toEqual([priya.id, report.drafts[1].id]);
      expect(await list('--status', 'draft', '--import', String(report.importId))).toHaveLength(1);

      for (const format of ['csv', 'hubspot', 'salesforce', 'apollo']) {
        const out = path.join(dir, `${format}.csv`);
        const exported = await runCli(['drafts', 'export', '--format', format, '--out', out, '--json'], env);
        expect(JSON.parse(exported.stdout)).toEqual({ file: out, drafts: 2 });
        expect(parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true })).toHaveLength(2);
      }
      const emlDir = path.join(dir, 'eml');
      const eml = JSON.parse(
        (await runCli(['drafts', 'export', '--format', 'eml', '--out', emlDir, '--json'], env)).stdout,
      );
      expect(eml).toMatchObject({ dir: emlDir, drafts: 2 });
      expect(fs.readdirSync(emlDir)).toHaveLength(2);
    } finally {
      await tavily.close();
    }
  }, 60_000);
});
