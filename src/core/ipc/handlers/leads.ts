import { randomUUID } from 'node:crypto';
import type { AppServices } from '../../services/app-services';
import type { Handler, HandlerContext } from '../dispatch';
import type { ImportProgress } from '../../leads/import/run-import';
import type { FileTokens } from '../file-tokens';

type LeadChannel =
  | 'leads:list'
  | 'leads:count'
  | 'leads:get'
  | 'leads:export'
  | 'leads:edit'
  | 'leads:undo'
  | 'leads:score'
  | 'leads:statuses'
  | 'imports:preview'
  | 'imports:start'
  | 'imports:cancel'
  | 'imports:list'
  | 'imports:undo'
  | 'imports:rejected'
  | 'imports:exportRejected'
  | 'imports:retryRejected';

/** Emits `import:progress` events tagged with the import's job id. */
function progressEmitter(context: HandlerContext, jobId: string) {
  return (update: ImportProgress) => context.emit?.('import:progress', { jobId, ...update });
}

/** Files arrive as tokens from main's dialogs (see file-tokens.ts); each is resolved for reading or writing. */
export function createLeadHandlers(services: AppServices, files: FileTokens): { [C in LeadChannel]: Handler<C> } {
  const { leads } = services;
  return {
    'leads:list': (query) => leads.listLeads(query),
    'leads:count': (query) => ({ total: leads.countLeads(query) }),
    'leads:get': ({ id }) => leads.getLead(id),
    'leads:export': ({ file, ...options }) => leads.exportLeads(files.resolve(file, 'save'), options),
    'leads:edit': ({ leadIds, change }) => leads.editLeads(leadIds, change),
    'leads:undo': (target) => leads.undoEdit(target),
    'leads:score': ({ id }) => leads.leadScore(id),
    'leads:statuses': () => leads.statuses(),
    'imports:preview': ({ file, sheet }) => leads.preview(files.resolve(file, 'open'), sheet),
    'imports:start': ({ jobId = randomUUID(), file, ...request }, context) =>
      leads.startImport(
        { ...request, file: files.resolve(file, 'open') },
        { jobId, signal: context.signal, onProgress: progressEmitter(context, jobId) },
      ),
    'imports:cancel': ({ jobId }) => ({ cancelled: leads.cancelImport(jobId) }),
    'imports:list': () => leads.listImports(),
    'imports:undo': ({ importId }) => leads.undoImport(importId),
    'imports:rejected': ({ importId, offset, limit }) => leads.listRejected(importId, { offset, limit }),
    'imports:exportRejected': ({ importId, file }) => leads.exportRejected(importId, files.resolve(file, 'save')),
    'imports:retryRejected': ({ importId, fixes, onDuplicate, jobId = randomUUID() }, context) =>
      leads.retryRejected(importId, fixes, {
        onDuplicate,
        jobId,
        signal: context.signal,
        onProgress: progressEmitter(context, jobId),
      }),
  };
}
