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
      const { drafted, skipped, llmFallbacks, heldBack } = result;
      context.print({ drafted, skipped, llmFallbacks, heldBack, drafts: result.drafts.map(publicDraft) }, () =>
        [
          `Wrote ${drafted} drafts (${skipped} leads already had one${llmFallbacks ? `, ${llmFallbacks} LLM drafts replaced by the template` : ''}).`,
          ...heldBack.map((held) => `Held back lead ${held.leadId}: ${held.reason}`),
          'Review them with: crm-intel drafts list',
        ].join('\n'),
      );
    });
};
