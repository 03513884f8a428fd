import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { leadFile, writeLeadFile } from './generated-files';

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
      fc.asyncProperty(leadFile, async (rows) => {
        const services = testServices();
        const summary = await runImport(services.db, { file: writeLeadFile(rows), phoneRegion: 'US' });
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
