import { createHash } from 'node:crypto';
import type { CountryCode } from 'libphonenumber-js';
import type { ColumnTarget } from '../fields';
import { RowNormaliser, type RowOutcome } from '../normalise/row';
import { readTable } from '../read/open-table';
import type { TableLayout } from '../read/table';

export interface NormaliseFileInput {
  file: string;
  layout: TableLayout;
  /** The target of each column, in column order. */
  targets: ColumnTarget[];
  phoneRegion: CountryCode;
}

/** A file's next data rows, each a lead record or a rejection, and how far into the file they end. */
export interface NormalisedBatch {
  outcomes: RowOutcome[];
  bytesRead: number;
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
    (rows, bytesRead) => onBatch({ outcomes: rows.map((row) => normaliser.normalise(row)), bytesRead }),
    {
      signal: options.signal,
      onChunk: (chunk) => hash.update(chunk),
    },
  );
  return hash.digest('hex');
}
