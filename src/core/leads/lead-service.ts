import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { CountryCode } from 'libphonenumber-js';
import { UserFacingError } from '../errors';
import { writeCsvFile } from '../export/csv';
import { runFileJob } from '../jobs/file-worker';
import type { JobRunner } from '../jobs/runner';
import type { Settings } from '../settings/schema';
import type { Db, OpenDatabaseOptions } from '../store/database';
import type { DuplicatePolicy } from './fields';
import { exportLeads, exportRejectedRows, type LeadExportOptions } from './export/lead-export';
import { LeadEditor } from './edit/lead-editor';
import { leadChangeSchema, type EditResult, type LeadChange, type UndoResult } from './edit/lead-edit-schemas';
import { describeZodIssues } from '../zod-issues';
import { LeadScoring } from './score/lead-scoring';
import type { LeadScore } from './score/lead-score';
import { leadStatuses } from '../settings/lead-work-settings';
import {
  completedImportsOfFile,
  forgetRejectedRows,
  getImport,
  importMapping,
  iterateRejectedRows,
  listImports,
  listRejectedRows,
  undoImport,
} from './import/import-store';
import { planImport, type ImportProgress, type ImportRequest, type ImportSummary } from './import/run-import';
import { countLeads, getLead, listLeads } from './query/lead-queries';
import type { LeadCountQuery, LeadListQuery } from './query/lead-schemas';
import type { ColumnMatch } from './mapping/auto-map';
import type { SourceRow, TableLayout } from './read/table';

export interface LeadServiceOptions {
  db: Db;
  dataDir: string;
  database?: OpenDatabaseOptions;
  settings: () => Settings;
  jobs: JobRunner;
  /** The clock the lead score reads (a round's age, a news item's); tests pass their own. */
  now?: () => Date;
}

export interface ImportPreview extends TableLayout {
  sampleRows: SourceRow[];
  columns: ColumnMatch[];
  fileSha256: string;
  /** Earlier completed imports of the same bytes. */
  alreadyImported: Array<{ id: number; startedAt: string }>;
}

/** An import as a caller asks for it: the phone region for numbers without a country code comes from settings. */
export type StartImportRequest = Omit<ImportRequest, 'phoneRegion'>;

export interface ImportControl {
  /** Lets `cancelImport(jobId)` stop this import; chosen by the caller so it can cancel before the result. */
  jobId?: string;
  signal?: AbortSignal;
  onProgress?: (update: ImportProgress) => void;
}

/** Lead import, history, undo, export and the leads table queries: what the IPC handlers and the CLI call. */
export class LeadService {
  private readonly running = new Map<string, AbortController>();
  private readonly editor: LeadEditor;
  private readonly scoring: LeadScoring;

  constructor(private readonly options: LeadServiceOptions) {
    this.editor = new LeadEditor(options.db);
    this.scoring = new LeadScoring(options.db, () => options.settings().leads, options.now);
  }

  private get db(): Db {
    return this.options.db;
  }

  /** The file is read in a worker thread: a crafted workbook can take seconds and much memory before it fails. */
  async preview(file: string, sheet?: string): Promise<ImportPreview> {
    const plan = planImport(this.db, file, await runFileJob(this.options.jobs, 'leads.preview', { file, sheet }, file));
    const fileSha256 = await sha256File(file);
    const alreadyImported = completedImportsOfFile(this.db, fileSha256);
    return {
      ...plan.preview.layout,
      sampleRows: plan.preview.sampleRows,
      columns: plan.matches,
      fileSha256,
      alreadyImported,
    };
  }

  /** Runs an import in a worker thread (the calling thread stays free); resolves with its summary. */
  async startImport(request: StartImportRequest, control: ImportControl = {}): Promise<ImportSummary> {
    const jobId = control.jobId ?? randomUUID();
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    control.signal?.addEventListener('abort', onAbort, { once: true });
    if (control.signal?.aborted) controller.abort();
    this.running.set(jobId, controller);
    try {
      return await runFileJob(
        this.options.jobs,
        'leads.import',
        {
          ...request,
          dataDir: this.options.dataDir,
          database: this.options.database,
          phoneRegion: this.options.settings().defaultPhoneRegion as CountryCode,
        },
        request.file,
        { signal: controller.signal, onProgress: control.onProgress },
      );
    } finally {
      this.running.delete(jobId);
      control.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Asks a running import to stop; it rolls back. False when no such import is running. */
  cancelImport(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }

  listImports() {
    return listImports(this.db);
  }

  undoImport(importId: number) {
    return undoImport(this.db, importId);
  }

  listRejected(importId: number, page: { offset: number; limit: number }) {
    return listRejectedRows(this.db, importId, page);
  }

  exportRejected(importId: number, file: string) {
    return exportRejectedRows(this.db, importId, file);
  }

  /** Scores are brought up to date first: the export may hold the score column, or be sorted by it. */
  exportLeads(file: string, options: LeadExportOptions = {}) {
    this.scoring.refresh();
    return exportLeads(this.db, file, options);
  }

  /**
   * A sort by score brings every stored score up to date first (a cheap check when they are). Any other
   * query is answered at once: when the stored scores are not current, only the page's leads are rescored,
   * so the first page of 100,000 new leads never waits for all of them to be scored.
   */
  listLeads(query: LeadListQuery) {
    if (query.sort?.column === 'score') {
      this.scoring.refresh();
      return listLeads(this.db, query);
    }
    const page = listLeads(this.db, query);
    if (page.rows.length === 0 || this.scoring.isCurrent()) return page;
    const scores = this.scoring.rescore(page.rows.map((row) => row.id));
    return { ...page, rows: page.rows.map((row) => ({ ...row, score: scores.get(row.id) ?? row.score })) };
  }

  countLeads(query: LeadCountQuery) {
    return countLeads(this.db, query);
  }

  /** The statuses a lead may be set to: the built-in ones, then settings' `leads.customStatuses`. */
  statuses(): string[] {
    return leadStatuses(this.options.settings().leads);
  }

  /** Changes status, owner, tags or notes of one lead or a selection: an `edited` activity per lead changed. */
  editLeads(leadIds: readonly number[], change: LeadChange): EditResult {
    const parsed = leadChangeSchema.safeParse(change);
    if (!parsed.success) throw new UserFacingError('invalid_change', `The change ${describeZodIssues(parsed.error)}.`);
    const result = this.editor.edit(leadIds, parsed.data, this.statuses());
    this.scoring.rescore(leadIds);
    return result;
  }

  /** Undoes an edit (by batch), a lead's last edit, or the last edit of all (see `LeadEditor.undo`). */
  undoEdit(target: { batch?: string; leadId?: number } = {}): UndoResult {
    const { leadIds, ...result } = this.editor.undo(target);
    this.scoring.rescore(leadIds);
    return result;
  }

  /** A lead's score, each signal with its source. */
  leadScore(leadId: number): LeadScore {
    return this.scoring.explain(leadId);
  }

  /** Rescores leads whose score is out of date; returns how many were scored. */
  refreshScores(): number {
    return this.scoring.refresh();
  }

  getLead(leadId: number) {
    return getLead(this.db, leadId);
  }

  /**
   * Re-imports rejected rows the analyst fixed (in the app, row by row) as a new import with the original
   * import's mapping. The fixed rows leave the original import's rejected list; any still invalid are
   * rejected again, now under the new import.
   */
  async retryRejected(
    importId: number,
    fixes: Array<{ row: number; values: Record<string, string> }>,
    options: { onDuplicate?: DuplicatePolicy } & ImportControl = {},
  ): Promise<ImportSummary> {
    const original = getImport(this.db, importId);
    const rejectedRows = new Map<number, Record<string, string>>();
    for (const rejected of iterateRejectedRows(this.db, importId)) rejectedRows.set(rejected.row, rejected.raw);
    const columns = [...new Set([...rejectedRows.values()].flatMap((raw) => Object.keys(raw)))];
    const rows = fixes.map((fix) => {
      const raw = rejectedRows.get(fix.row);
      if (!raw)
        throw new UserFacingError('row_not_rejected', `Row ${fix.row} is not a rejected row of import ${importId}.`);
      return columns.map((column) => fix.values[column] ?? raw[column] ?? '');
    });
    const mapping = importMapping(this.db, importId);
    const overrides = Object.fromEntries(
      columns.filter((column) => mapping[column]).map((column) => [column, mapping[column]!]),
    );
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-fixed-'));
    const file = path.join(folder, 'fixed-rows.csv');
    try {
      await writeCsvFile(file, columns, rows);
      const summary = await this.startImport(
        {
          file,
          overrides,
          onDuplicate: options.onDuplicate,
          fileName: `${original.fileName} (fixed rows of import ${importId})`,
        },
        options,
      );
      forgetRejectedRows(
        this.db,
        importId,
        fixes.map((fix) => fix.row),
      );
      return summary;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}
