import type { RegisterCommand } from '../shared/register';
import { oneOf } from '../shared/arguments';
import { draftImport, draftOptions, publicDraft, type DraftCommandOptions } from '../shared/drafts';
import { describeBatch, enrichImport } from '../shared/enrichment';
import { describeImport } from '../shared/imports';
import { workflowSchema, type Workflow } from '../../core/intel/domain';
import { UserFacingError } from '../../core/errors';

const parseWorkflow = oneOf(workflowSchema.options, 'workflow');

/** `crm-intel process FILE`: import, enrich and draft in one go; one draft per imported lead. */
export const registerProcess: RegisterCommand = (program, context) => {
  draftOptions(
    program
      .command('process')
      .description('import a lead file, enrich its companies and write one grounded draft per lead')
      .argument('[file]', 'the CSV/TSV or XLSX file')
      .option('--input-file <file>', 'the same file, as the replaced system spelled it')
      .option('--workflow <name>', 'standard or comprehensive (default: comprehensive)', parseWorkflow),
  ).action(
    async (
      argument: string | undefined,
      options: DraftCommandOptions & { workflow?: Workflow; inputFile?: string },
    ) => {
      const file = argument ?? options.inputFile;
      if (!file)
        throw new UserFacingError('missing_file', 'Name the lead file: crm-intel process FILE (or --input-file FILE).');
      const services = await context.services();
      const summary = await services.leads.startImport({ file });
      if (summary.importId === null)
        throw new UserFacingError(
          'nothing_imported',
          `${file}: no lead was imported (${summary.rejected} rejected, ${summary.duplicates} duplicates).`,
        );
      context.progress(`Imported ${summary.imported} leads (import ${summary.importId}); enriching their companies...`);
      const enrichment = await enrichImport(context, summary.importId, {
        workflow: options.workflow ?? 'comprehensive',
      });
      const { workflow: _workflow, inputFile: _inputFile, ...draftChoice } = options;
      const drafted = await draftImport(context, summary.importId, draftChoice);
      context.print({ ...summary, enrichment, drafts: drafted.drafts.map(publicDraft) }, () =>
        [
          describeImport(summary),
          describeBatch(enrichment),
          `Wrote ${drafted.drafted} drafts. Review them with: crm-intel drafts list --import ${summary.importId}`,
        ].join('\n'),
      );
    },
  );
};
