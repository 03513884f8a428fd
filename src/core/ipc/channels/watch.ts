import { z } from 'zod';
import { channel } from '../define';
import { idText, nameText } from '../limits';
import { alertSchema, watchSchema } from '../../watch/domain';
import { alertKindSchema } from '../../watch/alert-diff';
import { draftRunSchema } from './drafts';
import { MAX_BATCH_COMPANIES } from '../../companies/company-schemas';

const id = z.number().int().positive();

/** The watch list and the alerts its refreshes raise (see `src/core/watch/`). */
export const watchChannels = {
  'watch:list': channel(z.object({}), z.array(watchSchema)),
  /** Watches a company (or changes its workflow and interval); `every` as on the command line: 12h, 1d, 2w. */
  'watch:add': channel(
    z.object({
      query: nameText.trim().min(1, 'name the company'),
      workflow: idText.min(1).default('standard'),
      every: idText.min(1).default('1d'),
    }),
    watchSchema,
  ),
  /** Stops watching one company by its watched name, or many by company id; answers how many watches went. */
  'watch:remove': channel(
    z.union([
      z.object({ query: nameText.trim().min(1) }),
      z.object({ companyIds: z.array(id).min(1).max(MAX_BATCH_COMPANIES) }),
    ]),
    z.object({ removed: z.number().int() }),
  ),
  'alerts:list': channel(
    z.object({
      unread: z.boolean().default(false),
      companyId: id.optional(),
      kind: alertKindSchema.optional(),
      limit: z.number().int().positive().max(500).default(200),
    }),
    z.array(alertSchema),
  ),
  'alerts:markRead': channel(
    z.object({ ids: z.union([z.array(id).max(500), z.literal('all')]) }),
    z.object({ marked: z.number().int() }),
  ),
  /** For the navigation's badge. */
  'alerts:unreadCount': channel(z.object({}), z.object({ count: z.number().int() })),
  /** Drafts for the leads already imported at an alert's company (leads that have a draft keep it). */
  'alerts:draftForCompany': channel(z.object({ companyId: id }), draftRunSchema.extend({ leads: z.number().int() })),
};
