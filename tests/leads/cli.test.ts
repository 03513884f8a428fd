import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { fixture, runCliProcess } from './support';

describe('crm-intel import, imports, leads export', () => {
  it('imports with --json in the documented shape, lists, exports, and undoes', async () => {
    const dataDir = tempDir();
    const imported = await runCliProcess([
      '--data-dir',
      dataDir,
      '--json',
      'import',
      fixture('salesforce-leads.csv'),
      '--map',
      'Mobile=custom',
      '--on-duplicate',
      'merge',
    ]);
    expect(imported.code).toBe(0);
    const summary = JSON.parse(imported.stdout);
    expect(Object.keys(summary).sort()).toEqual([
      'duplicates',
      'errors',
      'importId',
      'imported',
      'rejected',
      'rowsTotal',
      'warnings',
    ]);
    expect(summary).toMatchObject({ importId: 1, rowsTotal: 3, imported: 2, duplicates: 0, rejected: 1 });
    expect(summary.errors).toEqual([
      { row: 4, column: 'Email', field: 'email', message: '"ana@@umbrella" is not a valid email address' },
    ]);

    const list = await runCliProcess(['--data-dir', dataDir, 'imports', 'list']);
    expect(list.stdout).toMatch(
      /^\s+1 .* completed\s+3 rows: 2 imported, 0 duplicates, 1 rejected\s+salesforce-leads\.csv$/m,
    );

    const out = path.join(tempDir(), 'leads.csv');
    const exported = await runCliProcess(['--data-dir', dataDir, 'leads', 'export', '--out', out]);
    expect(exported.stdout).toBe(`2 leads written to ${out}.\n`);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFFirst Name,Last Name,Full Name,Email,Phone,Company,')).toBe(true);
    expect(text).toContain("Priya,Natarajan,Priya Natarajan,priya.n@globex.com,'+12125550199,Globex Corporation");

    const rejectedOut = path.join(tempDir(), 'rejected.csv');
    await runCliProcess(['--data-dir', dataDir, 'leads', 'export', '--out', rejectedOut, '--rejected']);
    expect(fs.readFileSync(rejectedOut, 'utf8').split('\r\n')[1]).toMatch(
      /^4,"Email: ""ana@@umbrella"" is not a valid email address",00Q5j00000AbCdG,Ana,/,
    );

    const undone = await runCliProcess(['--data-dir', dataDir, '--json', 'imports', 'undo', '1']);
    expect(JSON.parse(undone.stdout)).toEqual({
      importId: 1,
      leadsRemoved: 2,
      contactsRemoved: 2,
      companiesRemoved: 2,
    });
  });

  it('prints a readable summary: counts, then each rejected row with its column and field; a dry run stores nothing', async () => {
    const dataDir = tempDir();
    const dryRun = await runCliProcess(['--data-dir', dataDir, 'import', fixture('salesforce-leads.csv'), '--dry-run']);
    const rejectedRow = '  error row 4, column "Email" (email): "ana@@umbrella" is not a valid email address';
    expect(dryRun.stdout.split('\n').slice(0, 2)).toEqual([
      'Dry run: 3 rows would give 2 new leads, 0 duplicates, 1 rejected. Nothing was stored.',
      rejectedRow,
    ]);
    const imported = await runCliProcess(['--data-dir', dataDir, 'import', fixture('salesforce-leads.csv')]);
    expect(imported.stdout.split('\n').slice(0, 2)).toEqual([
      'Import 1: 3 rows, 2 imported, 0 duplicates, 1 rejected.',
      rejectedRow,
    ]);
    const oneRow = path.join(tempDir(), 'one.csv');
    fs.writeFileSync(oneRow, 'Email,First Name\nada@example.com,Ada\n');
    const single = await runCliProcess(['--data-dir', dataDir, 'import', oneRow, '--dry-run']);
    expect(single.stdout).toBe('Dry run: 1 row would give 1 new lead, 0 duplicates, 0 rejected. Nothing was stored.\n');
  });

  it('explains bad options and bad files on stderr with a non-zero exit', async () => {
    const dataDir = tempDir();
    const badMap = await runCliProcess([
      '--data-dir',
      dataDir,
      'import',
      fixture('hubspot-contacts.csv'),
      '--map',
      'Email=mail',
    ]);
    expect(badMap.code).not.toBe(0);
    expect(badMap.stderr).toMatch(/--map "Email=mail": "mail" is not a field; use one of firstName, .*custom, skip/);
    const missing = await runCliProcess(['--data-dir', dataDir, 'import', '/nonexistent/leads.csv']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('/nonexistent/leads.csv: no such file.');
    const policy = await runCliProcess([
      '--data-dir',
      dataDir,
      'import',
      fixture('hubspot-contacts.csv'),
      '--on-duplicate',
      'replace',
    ]);
    expect(policy.stderr).toMatch(/Allowed choices are skip, update, merge/);
    const unwritable = await runCliProcess([
      '--data-dir',
      dataDir,
      'leads',
      'export',
      '--out',
      '/nonexistent/folder/leads.csv',
    ]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toBe(
      'crm-intel: /nonexistent/folder/leads.csv: cannot write the export: the folder /nonexistent/folder does not exist.\n',
    );
  });
});
