import path from 'node:path';
import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { MailMergeFormat } from '../../outreach/export/mail-merge';
import type { FileTokens } from '../file-tokens';

type DraftChannel =
  | 'drafts:list'
  | 'drafts:get'
  | 'drafts:generate'
  | 'drafts:update'
  | 'drafts:approve'
  | 'drafts:reject'
  | 'drafts:markCopied'
  | 'drafts:regenerate'
  | 'drafts:export'
  | 'templates:list'
  | 'templates:create'
  | 'templates:update'
  | 'templates:delete';

export function createDraftHandlers(services: AppServices, files: FileTokens): { [C in DraftChannel]: Handler<C> } {
  const { outreach } = services;
  return {
    'drafts:list': ({ leadId, ...filter }) => ({
      drafts: outreach.list({ ...filter, leadIds: leadId === undefined ? undefined : [leadId] }),
      counts: outreach.drafts.countByStatus(),
    }),
    'drafts:get': ({ id }) => outreach.detail(id),
    'drafts:generate': ({ importId, leadIds, ...options }, context) =>
      importId !== undefined
        ? outreach.draftImport(importId, { ...options, signal: context.signal })
        : outreach.draftLeads(leadIds ?? [], { ...options, signal: context.signal }),
    'drafts:update': ({ id, subject, body }) => outreach.edit(id, { subject, body }),
    'drafts:approve': ({ ids }) => outreach.approve(ids),
    'drafts:reject': ({ ids }) => outreach.reject(ids),
    'drafts:markCopied': ({ ids }) => outreach.markCopied(ids),
    'drafts:regenerate': ({ ids, ...options }, context) =>
      outreach.regenerate(ids, { ...options, signal: context.signal }),
    'drafts:export': async ({ format, file, importId, ids }) => {
      const filter = { importId, ids };
      const out = path.resolve(files.resolve(file, 'save'));
      if (format === 'eml') return { path: out, drafts: (await outreach.exportEml(out, filter)).files.length };
      const written =
        format === 'csv'
          ? await outreach.exportCsv(out, filter)
          : await outreach.exportMailMerge(out, format as MailMergeFormat, filter);
      return { path: written.file, drafts: written.drafts };
    },
    'templates:list': () => outreach.templates.list(),
    'templates:create': (template) => outreach.templates.create(template),
    'templates:update': ({ name, template }) => outreach.templates.update(name, template),
    'templates:delete': ({ name }) => {
      outreach.templates.delete(name);
      return { deleted: true as const };
    },
  };
}
