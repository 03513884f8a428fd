import path from 'node:path';
import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { MailMergeFormat } from '../../outreach/export/mail-merge';
import type { FileTokens } from '../file-tokens';
import type { z } from 'zod';
import type { draftChannels } from '../channels/drafts';
import type { DraftOptions } from '../../outreach/outreach-service';
import { draftingProviders } from '../../providers/llm-choice';

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
  | 'drafts:llmProviders'
  | 'templates:list'
  | 'templates:create'
  | 'templates:update'
  | 'templates:delete';

type GeneratorRequest = Omit<z.output<(typeof draftChannels)['drafts:regenerate']['request']>, 'ids'> & {
  regenerate?: boolean;
};

/** A request's generator options as the service takes them: the provider and model picked become one choice. */
function draftOptions({ provider, model, ...options }: GeneratorRequest, signal?: AbortSignal): DraftOptions {
  return { ...options, model: provider && { provider, model: model || undefined }, signal };
}

export function createDraftHandlers(services: AppServices, files: FileTokens): { [C in DraftChannel]: Handler<C> } {
  const { outreach } = services;
  return {
    'drafts:list': ({ leadId, ...filter }) => ({
      drafts: outreach.list({ ...filter, leadIds: leadId === undefined ? undefined : [leadId] }),
      counts: outreach.drafts.countByStatus(),
    }),
    'drafts:get': ({ id }) => outreach.detail(id),
    'drafts:generate': ({ importId, leadIds, ...request }, context) => {
      const options = draftOptions(request, context.signal);
      return importId !== undefined
        ? outreach.draftImport(importId, options)
        : outreach.draftLeads(leadIds ?? [], options);
    },
    'drafts:update': ({ id, subject, body }) => outreach.edit(id, { subject, body }),
    'drafts:approve': ({ ids }) => outreach.approve(ids),
    'drafts:reject': ({ ids }) => outreach.reject(ids),
    'drafts:markCopied': ({ ids }) => outreach.markCopied(ids),
    'drafts:regenerate': ({ ids, ...request }, context) =>
      outreach.regenerate(ids, draftOptions(request, context.signal)),
    'drafts:llmProviders': () => draftingProviders(services.effectiveSettings(), services.secrets),
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
