import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors';
import type { ColumnMapping } from '../leads/fields';
import type { ImportSummary } from '../leads/import/run-import';
import { emptyImportSummary, LISTED_ISSUES, planFileImport } from '../leads/import/run-import';
import { rememberMapping } from '../leads/mapping/mapping-store';
import { toMapping } from '../leads/mapping/auto-map';
import { companyKey, domainFromWebsite } from '../leads/normalise/keys';
import type { RowIssue } from '../leads/normalise/row';
import { readTable } from '../leads/read/open-table';
import { abortError, type SourceRow } from '../leads/read/table';
import type { Db } from '../store/database';
import { writeTransaction } from '../store/transaction';
import { CompanyImportStore } from './company-import-store';
import { CompanyStore } from './company-store';

export interface CompanyImportRequest {
  file: string;
  sheet?: string;
  /** Column → target over the automatic and remembered mapping, as for leads (`company`, `website`). */
  overrides?: ColumnMapping;
  /** Reads and checks everything, then rolls back. */
  dryRun?: boolean;
}

/** The columns a company list is read from, by their index in the row. */
interface CompanyColumns {
  name?: { index: number; column: string };
  website?: { index: number; column: string };
}

/**
 * A list of companies (names and/or domains, no people) read by the lead import's reader and mapping: the
 * company column, else a person's name column (a list of companies headed "Name" maps there, and a
 * company list has no people), and the website or domain column. Every row becomes a company unless one
 * with its domain, else its name key, is stored (or an earlier row created it): a duplicate. A row with
 * neither, or with a website that is no web address, is rejected by row and column and the rest imported.
 * One transaction: undo (`imports undo`) removes the companies the import created that nothing uses since.
 */
export async function importCompanies(
  db: Db,
  request: CompanyImportRequest,
  options: { signal?: AbortSignal } = {},
): Promise<ImportSummary> {
  const plan = await planFileImport(db, request);
  const { layout } = plan.preview;
  const columns = companyColumns(
    plan.matches.map((m) => m.target),
    layout.headers,
  );
  if (!columns.name && !columns.website) {
    throw new UserFacingError(
      'no_company_column',
      `${request.file}: no column holds company names or websites; the columns are ${layout.headers.map((h) => `"${h}"`).join(', ')}. Name one with --map "Column=company" or --map "Column=website".`,
    );
  }
  const mapping = toMapping(plan.matches);
  const store = new CompanyImportStore(db);
  const companies = new CompanyStore(db);
  const summary = emptyImportSummary();
  const hash = createHash('sha256');

  return writeTransaction(db, async () => {
    const importId = store.start({
      name: path.basename(request.file),
      size: fs.statSync(request.file).size,
      sheet: layout.sheet ?? null,
      signature: plan.signature,
      mapping: JSON.stringify(mapping),
    });
    const take = (row: SourceRow) => {
      summary.rowsTotal += 1;
      // Damage the reader repaired in the row's cells (a stray quote, a NUL byte), as a lead import reports it.
      for (const warning of row.warnings ?? []) {
        if (summary.warnings.length < LISTED_ISSUES)
          summary.warnings.push({
            row: row.rowNumber,
            column: layout.headers[warning.cell] ?? null,
            field: null,
            message: warning.message,
          });
      }
      const outcome = readCompany(row, columns);
      if ('error' in outcome) {
        summary.rejected += 1;
        store.reject(
          importId,
          outcome.error,
          Object.fromEntries(layout.headers.map((header, i) => [header, row.cells[i] ?? ''])),
        );
        if (summary.errors.length < LISTED_ISSUES) summary.errors.push(outcome.error);
        return;
      }
      if (companies.existingId(outcome.domain, outcome.key || null) !== undefined) summary.duplicates += 1;
      else {
        companies.createImported(outcome.name, outcome.key, outcome.domain, importId);
        summary.imported += 1;
      }
    };
    await readTable(
      request.file,
      layout,
      (rows) => {
        if (options.signal?.aborted) throw abortError();
        rows.forEach(take);
      },
      { signal: options.signal, onChunk: (chunk) => hash.update(chunk) },
    );
    store.finish(importId, hash.digest('hex'), { ...summary, warnings: summary.warnings.length });
    if (request.dryRun) return { commit: false, result: summary };
    rememberMapping(db, plan.signature, layout.headers, mapping);
    return { commit: true, result: { ...summary, importId } };
  });
}

function companyColumns(targets: readonly string[], headers: readonly string[]): CompanyColumns {
  const find = (target: string) => {
    const index = targets.indexOf(target);
    return index === -1 ? undefined : { index, column: headers[index]! };
  };
  return { name: find('company') ?? find('fullName'), website: find('website') };
}

type CompanyOutcome = { name: string; key: string; domain: string | null } | { error: RowIssue };

function readCompany(row: SourceRow, columns: CompanyColumns): CompanyOutcome {
  const cell = (at?: { index: number }) => (at ? (row.cells[at.index] ?? '').trim() : '');
  const name = cell(columns.name);
  const website = cell(columns.website);
  const domain = website ? domainFromWebsite(website) : undefined;
  if (website && !domain) {
    return {
      error: {
        row: row.rowNumber,
        column: columns.website!.column,
        field: 'website',
        message: `"${website}" is not a web address or domain`,
      },
    };
  }
  if (!name && !domain) {
    const named = [columns.name?.column, columns.website?.column]
      .filter(Boolean)
      .map((c) => `"${c}"`)
      .join(' and ');
    return {
      error: {
        row: row.rowNumber,
        column: columns.name?.column ?? columns.website!.column,
        field: columns.name ? 'company' : 'website',
        message: `no company name or website (${named} empty)`,
      },
    };
  }
  // A row with a domain alone is named by its domain until a lookup finds the company's name.
  const shown = name || domain!;
  return { name: shown, key: companyKey(shown), domain: domain ?? null };
}
