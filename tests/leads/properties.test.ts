import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { columnLetters } from '../../src/core/leads/read/table-limits';
import {
  cellsRead,
  HEADERS,
  leadFile,
  leadFileWithLongCells,
  longCellLength,
  rowNumbers,
  writeLeadFile,
} from './generated-files';

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
  it('imported + duplicates + rejected = data rows, blank lines not counted, damage told at its row and column; a cell over the limit refuses the file, naming it, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(leadFileWithLongCells, async (file) => {
        const services = testServices();
        const path = writeLeadFile(file);
        const numbers = rowNumbers(file);
        const simple = file.quoting === 'none' || !file.rows.some(({ damage }) => damage?.kind === 'quote');
        const long = file.rows.findIndex(({ damage }) => damage?.kind === 'long');
        if (long >= 0) {
          const { cell } = file.rows[long]!.damage!;
          const named = `${path}: row ${numbers[long]!.toLocaleString('en-US')}, column ${columnLetters(cell + 1)} ("${HEADERS[cell]}") holds ${longCellLength(file.rows[long]!.damage!).toLocaleString('en-US')} characters, over the limit of 32,767 per cell; shorten it and try again.`;
          // A stray quote among quoted fields may shift cells (see below), so then only the refusal is certain.
          await expect(runImport(services.db, { file: path, phoneRegion: 'US' })).rejects.toMatchObject(
            simple ? { code: 'file_over_limit', message: named } : { code: 'file_over_limit' },
          );
          expect(services.leads.listLeads({}).total).toBe(0);
          expect(services.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
          services.close();
          return;
        }
        const summary = await runImport(services.db, { file: path, phoneRegion: 'US' });
        const isData = file.rows.map((row) => cellsRead(row, file.quoting).some((cell) => cell.trim() !== ''));
        const dataRows = isData.filter(Boolean).length;
        expect(summary.imported + summary.duplicates + summary.rejected).toBe(summary.rowsTotal);
        expect(services.leads.listLeads({}).total).toBe(summary.imported);
        // A stray quote or a NUL byte is repaired and told; a lone CR is text.
        const damaged = file.rows.flatMap(({ damage }, i) =>
          damage && damage.kind !== 'cr' && isData[i]
            ? [{ row: numbers[i], column: HEADERS[damage.cell], kind: damage.kind }]
            : [],
        );
        const told = summary.warnings.map(({ row, column }) => ({ row, column }));
        if (simple) {
          expect(summary.rowsTotal).toBe(dataRows);
          expect(told).toEqual(expect.arrayContaining(damaged.map(({ row, column }) => ({ row, column }))));
        } else {
          // Among quoted fields a stray quote can give text with two readings: `",",a"` is `,` and `a"` as
          // much as `"` and `,a`, and a cell that starts with a line break can end a row. Then cells may be
          // read shifted, or a row split in two (rejected, and shown); still no row is swallowed.
          expect(summary.rowsTotal).toBeGreaterThanOrEqual(dataRows);
        }
        services.close();
      }),
      { numRuns: 100 },
    );
  });

  it('an export re-imported into an empty database gives the same leads', async () => {
    await fc.assert(
      fc.asyncProperty(leadFile, async (rows) => {
        const original = testServices();
        await runImport(original.db, { file: writeLeadFile(rows), phoneRegion: 'US' });
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
