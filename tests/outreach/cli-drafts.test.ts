import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';
import { tempDir } from '../support/temp-dir';

describe('crm-intel draft and drafts', () => {
  it('drafts an import, approves the clean drafts and exports them as .eml', async () => {
    const dir = tempDir();
    const env = { CRM_INTEL_DATA_DIR: path.join(dir, 'data') };
    fs.writeFileSync(path.join(dir, 'leads.csv'), 'First Name,Last Name,Email,Company,Title\nJane,Doe,jane@acme.example,Acme Inc,VP of Sales\n,,info@beta.example,Beta GmbH,\n');
    const imported = await runCli(['import', path.join(dir, 'leads.csv'), '--json'], env);
    expect(imported.code).toBe(0);
    const { importId } = JSON.parse(imported.stdout);

    const drafted = await runCli(['draft', '--import', String(importId), '--json'], env);
    expect(drafted.code).toBe(0);
    const { drafts } = JSON.parse(drafted.stdout);
    expect(drafts).toHaveLength(2);
    const [jane, nameless] = drafts;
    expect(jane).toMatchObject({ to: 'jane@acme.example', facts: [] });
    expect(jane.body).toContain('Hi Jane,');
    expect(jane.lint).toEqual([]);
    expect(nameless.lint.map((w: { rule: string }) => w.rule)).toContain('missing_personal_detail');

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
});
