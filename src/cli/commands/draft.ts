import type { RegisterCommand } from '../shared/register';
import { parseId } from '../shared/arguments';
import { draftImport, draftOptions, publicDraft, type DraftCommandOptions } from '../shared/drafts';

export const registerDraft: RegisterCommand = (program, context) => {
  draftOptions(
    program
      .command('draft')
      .description('write one outreach draft per lead of an import, grounded in its company facts')
      .requiredOption('--import <id>', 'import id', parseId),
  )
    .option('--regenerate', 'write drafts again for leads that already have one (old words kept as revisions)')
    .action(async (options: DraftCommandOptions & { import: number }) => {
      const { import: importId, ...draftOptionsGiven } = options;
      const result = await draftImport(context, importId, draftOptionsGiven);
      context.print({ drafted: result.drafted, skipped: result.skipped, llmFallbacks: result.llmFallbacks, drafts: result.drafts.map(publicDraft) }, () =>
        [`Wrote ${result.drafted} drafts (${result.skipped} leads already had one${result.llmFallbacks ? `, ${result.llmFallbacks} LLM drafts replaced by the template` : ''}).`, 'Review them with: crm-intel drafts list'].join('\n'),
      );
    });
};
