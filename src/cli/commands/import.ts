import { Option } from 'commander';
import { UserFacingError } from '../../core/errors';
import {
  columnTargetSchema,
  DUPLICATE_POLICIES,
  LEAD_FIELDS,
  type ColumnMapping,
  type DuplicatePolicy,
} from '../../core/leads/fields';
import type { ImportSummary } from '../../core/leads/import/run-import';
import type { RegisterCommand } from '../shared/register';

const LISTED_IN_TEXT = 20;
const PROGRESS_EVERY_MS = 1000;

/** "1 row", "3 rows". */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

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

export const registerImport: RegisterCommand = (program, context) => {
  program
    .command('import')
    .description('import leads from a CSV/TSV or XLSX file (all or nothing; undo with `imports undo`)')
    .argument('<file>', 'the file to import')
    .option('--sheet <name>', 'the XLSX sheet to read (default: the first)')
    .option(
      '--map <column=field>',
      'map a column to a field (repeatable; field "custom" keeps it as a custom field)',
      parseMapOption,
      {},
    )
    .addOption(
      new Option('--on-duplicate <policy>', 'what to do with a lead already known')
        .choices(DUPLICATE_POLICIES)
        .default('skip'),
    )
    .option('--dry-run', 'read, check and count everything, store nothing')
    .action(
      async (
        file: string,
        options: { sheet?: string; map: ColumnMapping; onDuplicate: DuplicatePolicy; dryRun?: boolean },
      ) => {
        const services = await context.services();
        let lastProgress = 0;
        const summary = await services.leads.startImport(
          {
            file,
            sheet: options.sheet,
            overrides: options.map,
            onDuplicate: options.onDuplicate,
            dryRun: options.dryRun,
          },
          {
            onProgress: (update) => {
              if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
              lastProgress = Date.now();
              const percent = update.totalBytes ? Math.floor((update.bytes / update.totalBytes) * 100) : 0;
              context.progress(`${counted(update.rows, 'row')} read (${percent}%, ${update.rowsPerSecond} rows/s)`);
            },
          },
        );
        context.print(summary, () => describeImport(summary, Boolean(options.dryRun)));
      },
    );
};

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
