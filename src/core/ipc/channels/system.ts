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
};
