import { z } from 'zod';
import { channel } from '../define';
import { providerIdSchema } from '../../settings/schema';

export const statusSchema = z.object({
  dataDir: z.string(),
  databaseFile: z.string(),
  settingsFile: z.string(),
  schemaVersion: z.number().int(),
  keys: z.record(providerIdSchema, z.boolean()),
  keychain: z.discriminatedUnion('available', [z.object({ available: z.literal(true) }), z.object({ available: z.literal(false), problem: z.string() })]),
  counts: z.object({
    companies: z.number().int(),
    leads: z.number().int(),
    drafts: z.number().int(),
    cacheEntries: z.number().int(),
  }),
});
export type Status = z.infer<typeof statusSchema>;

export const systemChannels = {
  'system:status': channel(z.void(), statusSchema),
  /**
   * The OS file dialog (open or save); `path` is null when the analyst cancels. Only the Electron main
   * process has a dialog: elsewhere (the e2e bridge, a browser) the handler says to type the path.
   */
  'system:pickFile': channel(
    z.object({
      mode: z.enum(['open', 'save']),
      title: z.string().min(1).max(200),
      defaultName: z.string().max(255).optional(),
      extensions: z.array(z.string().regex(/^[a-z0-9]+$/i)).max(10).optional(),
    }),
    z.object({ path: z.string().nullable() }),
  ),
};
