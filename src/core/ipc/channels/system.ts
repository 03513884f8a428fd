import { z } from 'zod';
import { channel } from '../define';
import { providerIdSchema } from '../../settings/schema';
import { MAX_ID_TEXT } from '../limits';
import { pickedFileSchema } from '../file-tokens';
import { libraryIndexSummarySchema } from '../../intel/domain';

export const statusSchema = z.object({
  dataDir: z.string(),
  databaseFile: z.string(),
  settingsFile: z.string(),
  schemaVersion: z.number().int(),
  keys: z.record(providerIdSchema, z.boolean()),
  keychain: z.discriminatedUnion('available', [
    z.object({ available: z.literal(true) }),
    z.object({ available: z.literal(false), problem: z.string() }),
  ]),
  counts: z.object({
    companies: z.number().int(),
    leads: z.number().int(),
    drafts: z.number().int(),
    cacheEntries: z.number().int(),
  }),
});
export type Status = z.infer<typeof statusSchema>;

/** First run: whether anything can be searched yet, and the one message saying what to do while not. */
export const setupStateSchema = z.object({
  searchKey: z.boolean(),
  researchFolder: z.string(),
  sample: z.object({ available: z.boolean(), inUse: z.boolean(), company: z.string() }),
  needsSetup: z.boolean(),
  message: z.string().nullable(),
});

export const systemChannels = {
  'system:setup': channel(z.void(), setupStateSchema),
  /** The shipped sample data becomes the research folder (indexed); its lead file comes back as a token to import. */
  'system:useSample': channel(
    z.void(),
    z.object({
      label: z.string(),
      company: z.string(),
      researchFolder: z.string(),
      leadsFile: pickedFileSchema,
      indexed: libraryIndexSummarySchema,
    }),
  ),
  'system:status': channel(z.void(), statusSchema),
  /**
   * The OS file dialog (open or save): the picked file's token, the only way to name a file to the other
   * channels, or null when the analyst cancels. Only the Electron main process (and the e2e bridge,
   * playing the analyst) has a dialog.
   */
  'system:pickFile': channel(
    z.object({
      mode: z.enum(['open', 'save', 'folder']),
      title: z.string().min(1).max(200),
      defaultName: z.string().max(255).optional(),
      extensions: z
        .array(
          z
            .string()
            .max(MAX_ID_TEXT)
            .regex(/^[a-z0-9]+$/i),
        )
        .max(10)
        .optional(),
    }),
    z.object({ file: pickedFileSchema.nullable() }),
  ),
};
