import path from 'node:path';
import type { RegisterCommand } from '../shared/register';
import { oneOf, parseId } from '../shared/arguments';
import { describeDraft, publicDraft } from '../shared/drafts';
import { draftStatusSchema, type DraftStatus } from '../../core/outreach/draft-schema';
import { MAIL_MERGE_FORMATS, type MailMergeFormat } from '../../core/outreach/export/mail-merge';
import { UserFacingError } from '../../core/errors';

const EXPORT_FORMATS = ['csv', 'eml', ...MAIL_MERGE_FORMATS] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

const parseStatus = oneOf(draftStatusSchema.options, 'status');
const parseFormat = oneOf(EXPORT_FORMATS, 'format');

const collectIds = (value: string, previous: number[] = []) => [...previous, parseId(value)];

export const registerDrafts: RegisterCommand = (program, context) => {
  const drafts = program.command('drafts').description('review and export outreach drafts');

  drafts
    .command('list')
    .description('drafts with their status and number of lint warnings')
    .option('--status <status>', draftStatusSchema.options.join('|'), parseStatus)
    .option('--import <id>', 'only the drafts of one import', parseId)
    .action(async (options: { status?: DraftStatus; import?: number }) => {
      const list = (await context.services()).outreach.list({ status: options.status, importId: options.import });
      context.print(list.map(publicDraft), () =>
        list.length === 0
          ? 'No drafts.'
          : list
              .map(
                (d) =>
                  `#${String(d.id).padEnd(6)} ${d.status.padEnd(9)} ${(d.to ?? '-').padEnd(32)} ${d.subject}${d.lint.length ? `  (${d.lint.length} warnings)` : ''}`,
              )
              .join('\n'),
      );
    });

  drafts
    .command('show')
    .description('one draft with the facts it uses, their sources and its lint warnings')
    .argument('<id>', 'draft id', parseId)
    .action(async (id: number) => {
      const draft = (await context.services()).outreach.drafts.get(id);
      context.print(publicDraft(draft), () => describeDraft(draft));
    });

  for (const [name, verb] of [
    ['approve', 'approve'],
    ['reject', 'reject'],
  ] as const) {
    drafts
      .command(name)
      .description(`${verb} drafts by id, or all drafts of an import with --import`)
      .argument('[ids...]', 'draft ids')
      .option('--import <id>', `${verb} every draft of this import that is still a draft`, parseId)
      .option('--clean', 'with --import: only drafts without lint warnings')
      .action(async (ids: string[], options: { import?: number; clean?: boolean }) => {
        const { outreach } = await context.services();
        const chosen = ids.map(parseId);
        if (options.import !== undefined) {
          chosen.push(
            ...outreach
              .list({ importId: options.import, status: 'draft' })
              .filter((d) => !options.clean || d.lint.length === 0)
              .map((d) => d.id),
          );
        }
        if (chosen.length === 0)
          throw new UserFacingError('no_drafts', `No drafts to ${verb}: give ids, or --import ID.`);
        const changed = name === 'approve' ? outreach.approve(chosen) : outreach.reject(chosen);
        context.print(
          changed.map(publicDraft),
          () => `${name === 'approve' ? 'Approved' : 'Rejected'} ${changed.length} drafts.`,
        );
      });
  }

  drafts
    .command('export')
    .description('export approved drafts: csv, eml (one file each) or mail-merge rows for hubspot, salesforce, apollo')
    .requiredOption('--format <format>', EXPORT_FORMATS.join('|'), parseFormat)
    .requiredOption('--out <path>', 'file to write (a folder for eml)')
    .option('--import <id>', 'only the drafts of one import', parseId)
    .option('--id <id>', 'only this draft (repeatable)', collectIds)
    .action(async (options: { format: ExportFormat; out: string; import?: number; id?: number[] }) => {
      const { outreach } = await context.services();
      const out = path.resolve(options.out);
      const filter = { importId: options.import, ids: options.id };
      if (options.format === 'eml') {
        const result = await outreach.exportEml(out, filter);
        context.print(
          { ...result, drafts: result.files.length },
          () => `Wrote ${result.files.length} .eml files to ${result.dir}.`,
        );
        return;
      }
      const result =
        options.format === 'csv'
          ? await outreach.exportCsv(out, filter)
          : await outreach.exportMailMerge(out, options.format as MailMergeFormat, filter);
      context.print(result, () => `Wrote ${result.drafts} approved drafts to ${result.file}.`);
    });
};
