import fs from 'node:fs';
import path from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import { UserFacingError } from '../../errors';
import type { Db } from '../../store/database';
import type { ColumnMapping, DuplicatePolicy } from '../fields';
import { autoMap, resolveMapping, toMapping, type ColumnMatch } from '../mapping/auto-map';
import { headerSignature, rememberedMapping, rememberMapping } from '../mapping/mapping-store';
import type { RowIssue } from '../normalise/row';
import { runFileJob } from '../../jobs/file-worker';
import type { JobRunner } from '../../jobs/runner';
import { previewTable } from '../read/open-table';
import { abortError, type TablePreview } from '../read/table';
import type { NormalisedBatch, NormaliseFileInput, RowIssues } from './normalise-file';
import { ImportStaging } from './staging';
import { importRunStatements } from './import-store';
import { writeTransaction } from '../../store/transaction';

export interface ImportRequest {
  file: string;
  sheet?: string;
  /** Column → target, over the automatic and remembered mapping (`--map "Col=field"`). */
  overrides?: ColumnMapping;
  onDuplicate?: DuplicatePolicy;
  /** Reads, validates and de-duplicates everything, then rolls back: the summary without the import. */
  dryRun?: boolean;
  phoneRegion: CountryCode;
  /** Recorded instead of the file's own name (a re-import of fixed rows from a temporary file). */
  fileName?: string;
}

export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
  rowsPerSecond: number;
}

export interface ImportSummary {
  /** null for a dry run. */
  importId: number | null;
  /** Data rows: no header, no lines above it, no blank lines. */
  rowsTotal: number;
  imported: number;
  duplicates: number;
  rejected: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

/** A summary before the first row is read: nothing counted, nothing listed. */
export function emptyImportSummary(): ImportSummary {
  return { importId: null, rowsTotal: 0, imported: 0, duplicates: 0, rejected: 0, errors: [], warnings: [] };
}

/** How many errors and warnings a summary lists; all rejected rows stay in `import_errors` for export. */
export const LISTED_ISSUES = 1000;
const PROGRESS_INTERVAL_MS = 200;
/**
 * Normalised batches (one per 128 KB read, about 500 rows) the reading thread may have waiting for this one;
 * it pauses beyond that, so memory stays flat when the writes are slower than the reading, and it can read
 * ahead while this thread moves a chunk.
 */
const BATCHES_IN_FLIGHT = 16;

export interface ImportPlan {
  preview: TablePreview;
  matches: ColumnMatch[];
  signature: string;
}

/**
 * What an import of a previewed file would do with its columns: automatic matches, then remembered, then
 * overrides. The preview is read apart (`previewTable`), in a worker thread when the caller is the app's main one.
 */
export function planImport(db: Db, file: string, preview: TablePreview, overrides: ColumnMapping = {}): ImportPlan {
  const { headers } = preview.layout;
  if (headers.length === 0)
    throw new UserFacingError('empty_file', `${file}: no header row found; the file has no data.`);
  const unknown = Object.keys(overrides).filter((column) => !headers.includes(column));
  if (unknown.length > 0) {
    throw new UserFacingError(
      'unknown_column',
      `${file}: no column named ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${headers.map((h) => `"${h}"`).join(', ')}.`,
    );
  }
  const signature = headerSignature(headers);
  const auto = autoMap(
    headers,
    preview.sampleRows.map((row) => row.cells),
  );
  return { preview, matches: resolveMapping(auto, rememberedMapping(db, signature), overrides), signature };
}

/** `planImport` of the file as read here (in this thread): how an import, of leads or of companies, starts. */
export async function planFileImport(
  db: Db,
  request: { file: string; sheet?: string; overrides?: ColumnMapping },
): Promise<ImportPlan> {
  return planImport(db, request.file, await previewTable(request.file, { sheet: request.sheet }), request.overrides);
}

export interface RunImportControl {
  signal?: AbortSignal;
  progress?: (update: ImportProgress) => void;
  /** Rows staged before they are moved (`STAGING_CHUNK_ROWS`); tests make it small to cross chunk borders. */
  chunkRows?: number;
  /**
   * Reads and normalises the file in a worker thread of this runner while this thread writes (the two
   * overlap); without it, both happen here, one after the other.
   */
  normaliseIn?: JobRunner;
}

/**
 * Imports a lead file in one transaction: a crash, kill or cancel at any moment leaves the database as it
 * was or with the whole import. Streams the file; memory does not grow with its size.
 */
export async function runImport(
  db: Db,
  request: ImportRequest,
  control: RunImportControl = {},
): Promise<ImportSummary> {
  const plan = await planFileImport(db, request);
  const { layout } = plan.preview;
  const mapping = toMapping(plan.matches);
  const policy = request.onDuplicate ?? 'skip';
  const totalBytes = fs.statSync(request.file).size;
  const summary = emptyImportSummary();
  let warningCount = 0;

  // Foreign keys are not checked inside the import's transaction: every reference it writes is to a row it
  // has just written or read under its write lock, and `tests/leads/import-pipeline.test.ts` checks
  // `foreign_key_check` after imports under every policy.
  const work = async () => {
    const statements = importRunStatements(db);
    const importId = Number(
      statements.start.run(
        request.fileName ?? path.basename(request.file),
        totalBytes,
        layout.sheet ?? null,
        plan.signature,
        JSON.stringify(mapping),
        policy,
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    const staging = new ImportStaging(db, importId, policy, control.chunkRows);
    const started = Date.now();
    let lastProgress = 0;

    const handleIssues = (issues: RowIssues) => {
      warningCount += issues.warnings.length;
      for (const warning of issues.warnings)
        if (summary.warnings.length < LISTED_ISSUES) summary.warnings.push(warning);
      if (issues.kind === 'lead') return;
      summary.rejected += 1;
      const raw = JSON.stringify(issues.raw);
      for (const error of issues.errors) {
        statements.insertError.run(importId, error.row, error.column, error.field, error.message, raw);
        if (summary.errors.length < LISTED_ISSUES) summary.errors.push(error);
      }
    };
    const stopIfCancelled = () => {
      if (control.signal?.aborted) throw abortError();
    };
    const handleBatch = ({ rows, staged, issues, bytesRead }: NormalisedBatch) => {
      stopIfCancelled();
      summary.rowsTotal += rows;
      for (const rowIssues of issues) handleIssues(rowIssues);
      for (const row of staged) staging.add(row);
      const now = Date.now();
      if (control.progress && now - lastProgress >= PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        control.progress({
          rows: summary.rowsTotal,
          bytes: bytesRead,
          totalBytes,
          rowsPerSecond: Math.round(summary.rowsTotal / Math.max(0.001, (now - started) / 1000)),
        });
      }
    };

    const toNormalise: NormaliseFileInput = {
      file: request.file,
      layout,
      targets: plan.matches.map((m) => m.target),
      phoneRegion: request.phoneRegion,
      onDuplicate: policy,
    };
    // The normaliser (zod, libphonenumber-js) is loaded only by the thread that normalises.
    const sha256 = await (control.normaliseIn
      ? runFileJob(control.normaliseIn, 'leads.normalise', toNormalise, request.file, {
          signal: control.signal,
          onProgress: handleBatch,
          progressWindow: BATCHES_IN_FLIGHT,
        })
      : (await import('./normalise-file')).normaliseFile(toNormalise, handleBatch, { signal: control.signal }));
    Object.assign(summary, staging.finish());
    stopIfCancelled();

    for (const earlier of statements.earlierImports.all(sha256, importId)) {
      warningCount += 1;
      summary.warnings.unshift({
        row: 0,
        column: null,
        field: null,
        message: `this file was already imported on ${earlier.started_at} (import ${earlier.id})`,
      });
    }
    if (summary.errors.length < summary.rejected) {
      warningCount += 1;
      summary.warnings.push({
        row: 0,
        column: null,
        field: null,
        message: `only the first ${LISTED_ISSUES} errors are listed; export all rejected rows with \`crm-intel leads export --rejected\``,
      });
    }
    statements.complete.run(
      sha256,
      summary.rowsTotal,
      summary.imported,
      summary.duplicates,
      summary.rejected,
      warningCount,
      new Date().toISOString(),
      importId,
    );
    if (request.dryRun) return { commit: false, result: summary };
    rememberMapping(db, plan.signature, layout.headers, mapping);
    return { commit: true, result: { ...summary, importId } };
  };
  return writeTransaction(db, work, { checkForeignKeys: false });
}
