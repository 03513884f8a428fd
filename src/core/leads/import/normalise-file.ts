import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { ColumnTarget, DuplicatePolicy } from '../fields';
import { RowNormaliser, type RowIssue, type RowOutcome } from '../normalise/row';
import { readTable } from '../read/open-table';
import type { TableLayout } from '../read/table';
import { stagedRow, type StagedRow } from './staged-row';

export interface NormaliseFileInput {
  file: string;
  layout: TableLayout;
  /** The target of each column, in column order. */
  targets: ColumnTarget[];
  phoneRegion: CountryCode;
  /** The import's policy, which decides a custom field named twice in a row (see `customFieldsJson`). */
  onDuplicate: DuplicatePolicy;
}

/** What the writing thread does with a row besides staging it: a rejection to record, or a valid row's warnings. */
export type RowIssues = Extract<RowOutcome, { kind: 'rejected' }> | { kind: 'lead'; warnings: RowIssue[] };

/** A file's next data rows and how far into the file they end. */
export interface NormalisedBatch {
  /** How many data rows, valid or not. */
  rows: number;
  /** The valid rows, in file order, as the staging insert binds them. */
  staged: StagedRow[];
  /** In file order: every rejected row, and every valid row that has warnings. */
  issues: RowIssues[];
  bytesRead: number;
}

function toBatch(outcomes: RowOutcome[], bytesRead: number, policy: DuplicatePolicy): NormalisedBatch {
  const batch: NormalisedBatch = { rows: outcomes.length, staged: [], issues: [], bytesRead };
  for (const outcome of outcomes) {
    if (outcome.kind === 'rejected') {
      batch.issues.push(outcome);
      continue;
    }
    batch.staged.push(stagedRow(outcome.lead, policy));
    if (outcome.warnings.length > 0) batch.issues.push({ kind: 'lead', warnings: outcome.warnings });
  }
  return batch;
}

/**
 * Reads a lead file and normalises its data rows, in file order and in batches; resolves with the sha256 of
 * the bytes read. The import runs it in its own thread for small files, or as the `leads.normalise` job in
 * a thread beside it, so that parsing overlaps the writes.
 */
export async function normaliseFile(
  input: NormaliseFileInput,
  onBatch: (batch: NormalisedBatch) => void,
  options: { signal?: AbortSignal } = {},
): Promise<string> {
  const normaliser = new RowNormaliser(input.layout.headers, input.targets, input.phoneRegion);
  const hash = createHash('sha256');
  await readTable(
    input.file,
    input.layout,
    (rows, bytesRead) =>
      onBatch(
        toBatch(
          rows.map((row) => normaliser.normalise(row)),
          bytesRead,
          input.onDuplicate,
        ),
      ),
    {
      signal: options.signal,
      onChunk: (chunk) => hash.update(chunk),
    },
  );
  return hash.digest('hex');
}
