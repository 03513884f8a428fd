import { Option } from 'commander';
import { DUPLICATE_POLICIES, type ColumnMapping, type DuplicatePolicy } from '../../core/leads/fields';
import { counted, describeImport, parseMapOption } from '../shared/imports';
import type { RegisterCommand } from '../shared/register';

const PROGRESS_EVERY_MS = 1000;

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
