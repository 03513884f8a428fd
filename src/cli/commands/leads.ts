import path from 'node:path';
import type { RegisterCommand } from '../shared/register';
import { parseId } from '../shared/arguments';
import { UserFacingError } from '../../core/errors';
import type { LeadChange } from '../../core/leads/edit/lead-edit-schemas';
import type { LeadScore } from '../../core/leads/score/lead-score';
import { terminalText } from '../terminal-text';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerLeads: RegisterCommand = (program, context) => {
  const leads = program
    .command('leads')
    .description('work the leads: change status, owner, tags and notes, undo, explain scores, export');
  leads
    .command('export')
    .description('write leads (or an import’s rejected rows) to a CSV file that Excel opens safely')
    .requiredOption('--out <file>', 'the CSV file to write')
    .option('--rejected', 'export the rejected rows of an import, with why, to fix and import again')
    .option('--import <id>', 'only this import (with --rejected: default the latest import)', parseId)
    .action(async (options: { out: string; rejected?: boolean; import?: number }) => {
      const { leads: service } = await context.services();
      const out = path.resolve(options.out);
      if (options.rejected) {
        const importId = options.import ?? service.listImports()[0]?.id;
        if (importId === undefined)
          throw new UserFacingError('no_imports', 'There are no imports, so no rejected rows to export.');
        const result = await service.exportRejected(importId, out);
        context.print(
          { ...result, importId },
          () => `${result.rows} rejected rows of import ${importId} written to ${out}.`,
        );
        return;
      }
      const result = await service.exportLeads(out, { importId: options.import });
      context.print(result, () => `${result.rows} leads written to ${out}.`);
    });

  leads
    .command('set')
    .description('change the status, owner, tags or notes of one or more leads (one change, undone together)')
    .argument('<ids...>', 'lead ids', (value: string, previous: number[] = []) => [...previous, parseId(value)])
    .option(
      '--status <status>',
      'new, contacted, replied, qualified, disqualified, or a custom status from settings (leads.customStatuses)',
    )
    .option('--owner <name>', 'who works the lead ("" clears it)')
    .option('--tag <tag>', 'add a tag (repeat for more)', collect)
    .option('--untag <tag>', 'remove a tag (repeat for more)', collect)
    .option('--note <text>', 'the lead’s notes ("" clears them)')
    .action(
      async (
        ids: number[],
        options: { status?: string; owner?: string; tag?: string[]; untag?: string[]; note?: string },
      ) => {
        const { leads: service } = await context.services();
        const change: LeadChange = {
          status: options.status,
          owner: options.owner,
          addTags: options.tag,
          removeTags: options.untag,
          notes: options.note,
        };
        const result = service.editLeads(ids, change);
        context.print(
          result,
          () =>
            `${result.changed} ${result.changed === 1 ? 'lead' : 'leads'} changed${result.unchanged ? `, ${result.unchanged} already so` : ''}. Undo: crm-intel leads undo --batch ${result.batch}`,
        );
      },
    );

  leads
    .command('undo')
    .description('undo the last change of a lead, of an edit (--batch), or the last change of all')
    .argument('[id]', 'a lead id: undo its last change only', parseId)
    .option('--batch <batch>', 'the edit to undo, as `leads set` printed it')
    .action(async (leadId: number | undefined, options: { batch?: string }) => {
      const { leads: service } = await context.services();
      const result = service.undoEdit({ leadId, batch: options.batch });
      context.print(result, () =>
        result.batch === null
          ? 'Nothing to undo.'
          : [
              `${result.reverted} ${result.reverted === 1 ? 'lead' : 'leads'} reverted.`,
              ...result.skipped.map((s) => `  lead ${s.leadId} left as it is: ${s.reason}`),
            ].join('\n'),
      );
    });

  leads
    .command('score')
    .description('a lead’s score: each signal, its points and its source')
    .argument('<id>', 'lead id', parseId)
    .action(async (leadId: number) => {
      const { leads: service } = await context.services();
      const score = service.leadScore(leadId);
      context.print(score, () => describeScore(score));
    });
};

function describeScore(score: LeadScore): string {
  const lines = score.signals.map((signal) => {
    const source =
      signal.source.kind === 'fact'
        ? `${signal.source.title} <${signal.source.url}>`
        : `lead ${signal.source.field}: ${signal.source.value}`;
    return `  ${signal.points >= 0 ? '+' : ''}${signal.points}  ${terminalText(signal.label)}  (${terminalText(source)})`;
  });
  return [`Score ${score.score}`, ...lines].join('\n');
}
