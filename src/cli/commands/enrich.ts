import type { RegisterCommand } from '../shared/register';
import { oneOf, parseId } from '../shared/arguments';
import { describeBatch, enrichImport } from '../shared/enrichment';
import { workflowSchema, type Workflow } from '../../core/intel/domain';

const parseWorkflow = oneOf(workflowSchema.options, 'workflow');

export const registerEnrich: RegisterCommand = (program, context) => {
  program
    .command('enrich')
    .description('look up the companies of an import once each and link its leads to their reports (resumable)')
    .requiredOption('--import <id>', 'import id (see crm-intel imports list)', parseId)
    .option(
      '--workflow <name>',
      'standard or comprehensive (default: comprehensive, for "why now" news)',
      parseWorkflow,
    )
    .option('--retry [companyKey]', 'retry the failed companies (or the one given) alone')
    .action(async (options: { import: number; workflow?: Workflow; retry?: string | boolean }) => {
      const summary = await enrichImport(context, options.import, {
        workflow: options.workflow ?? 'comprehensive',
        retry: options.retry,
      });
      context.print(summary, () => describeBatch(summary));
    });
};
