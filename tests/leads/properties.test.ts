import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

const HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Title', 'City', 'Notes', 'Segment'];

/** Cell text with what breaks naive CSV code: delimiters, quotes, line breaks, non-ASCII, formula characters. */
const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'ß', '字', ' ', ',', ';', '"', '\n', 'x', '1', '.', '=', '+', '-', '@'), maxLength: 12 });
const email = fc.oneof(fc.constantFrom('ada@example.com', 'ADA@example.com', 'bob@example.org', 'cy@example.net', ''), fc.constantFrom('bad@', 'no-at-sign', '@x'), fc.emailAddress());
const name = fc.constantFrom('', 'Ada', 'Bob', 'Zoë');
const company = fc.constantFrom('', 'Acme Inc', 'ACME', 'Globex', 'Initech LLC');
const row = fc.tuple(name, name, email, company, text, text, text, text);
const file = fc.array(fc.record({ cells: row, blankLinesBefore: fc.nat(2) }), { minLength: 1, maxLength: 40 });

function writeFile(rows: Array<{ cells: string[]; blankLinesBefore: number }>): string {
  const lines = [Papa.unparse([HEADERS], { quotes: true })];
  for (const { cells, blankLinesBefore } of rows) lines.push(...Array<string>(blankLinesBefore).fill(''), Papa.unparse([cells], { quotes: true }));
  const target = path.join(tempDir(), 'generated.csv');
  fs.writeFileSync(target, `${lines.join('\r\n')}\r\n`);
  return target;
}

function leadsOf(services: AppServices) {
  const { rows } = services.leads.listLeads({ limit: 1000 });
  return rows
    .map((lead) => {
      const { id: _id, contactId: _c, importId: _i, companyId: _co, createdAt: _t, ...fields } = lead;
      return { ...fields, custom: services.leads.getLead(lead.id).customFields };
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('import properties (fast-check)', () => {
  it('imported + duplicates + rejected = data rows, blank lines not counted', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (rows) => {
        const services = testServices();
        const summary = await runImport(services.db, { file: writeFile(rows), phoneRegion: 'US' });
        const dataRows = rows.filter((r) => r.cells.some((cell) => cell.trim() !== '')).length;
        expect(summary.rowsTotal).toBe(dataRows);
        expect(summary.imported + summary.duplicates + summary.rejected).toBe(dataRows);
        expect(services.leads.listLeads({}).total).toBe(summary.imported);
        services.close();
      }),
      { numRuns: 30 },
    );
  });

  it('an export re-imported into an empty database gives the same leads', async () => {
    await fc.assert(
      fc.asyncProperty(file, async (rows) => {
        const original = testServices();
        await runImport(original.db, { file: writeFile(rows), phoneRegion: 'US' });
        const exported = path.join(tempDir(), 'export.csv');
        await original.leads.exportLeads(exported);
        const copy = testServices();
        await runImport(copy.db, { file: exported, phoneRegion: 'US' });
        expect(leadsOf(copy)).toEqual(leadsOf(original));
        original.close();
        copy.close();
      }),
      { numRuns: 30 },
    );
  });
});
