import { UserFacingError } from '../../core/errors';
import { columnTargetSchema, LEAD_FIELDS, type ColumnMapping } from '../../core/leads/fields';
import type { ImportSummary } from '../../core/leads/import/run-import';

/** Errors and warnings an import's summary lists in text (all of them with --json). */
const LISTED_IN_TEXT = 20;

/** "1 row", "3 rows". */
export const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `--map "Column=field"`: the field after the last `=`, so column names may contain one. */
export function parseMapOption(value: string, previous: ColumnMapping = {}): ColumnMapping {
  const at = value.lastIndexOf('=');
  const column = value.slice(0, at).trim();
  const target = columnTargetSchema.safeParse(value.slice(at + 1).trim());
  if (at <= 0 || !column) throw new UserFacingError('invalid_option', `--map "${value}": write it as "Column=field".`);
  if (!target.success) {
    throw new UserFacingError(
      'invalid_option',
      `--map "${value}": "${value.slice(at + 1).trim()}" is not a field; use one of ${[...LEAD_FIELDS, 'custom', 'skip'].join(', ')}.`,
    );
  }
  return { ...previous, [column]: target.data };
}

/** An import's summary for a person: its counts, then the first errors and warnings with row, column and field. */
export function describeImport(summary: ImportSummary, dryRun = false): string {
  const { rowsTotal, imported, duplicates, rejected } = summary;
  const head = dryRun
    ? `Dry run: ${counted(rowsTotal, 'row')} would give ${counted(imported, 'new lead')}, ${counted(duplicates, 'duplicate')}, ${rejected} rejected. Nothing was stored.`
    : `Import ${summary.importId}: ${counted(rowsTotal, 'row')}, ${imported} imported, ${counted(duplicates, 'duplicate')}, ${rejected} rejected.`;
  const issue = (kind: string) => (i: ImportSummary['errors'][number]) =>
    `  ${kind}${i.row ? ` row ${i.row}` : ''}${i.column ? `, column "${i.column}"` : ''}${i.field ? ` (${i.field})` : ''}: ${i.message}`;
  const lines = [
    head,
    ...summary.errors.slice(0, LISTED_IN_TEXT).map(issue('error')),
    ...summary.warnings.slice(0, LISTED_IN_TEXT).map(issue('warning')),
  ];
  const more =
    summary.errors.length +
    summary.warnings.length -
    Math.min(summary.errors.length, LISTED_IN_TEXT) -
    Math.min(summary.warnings.length, LISTED_IN_TEXT);
  if (more > 0) lines.push(`  ... and ${more} more (see --json, or \`crm-intel leads export --rejected\`)`);
  return lines.join('\n');
}
