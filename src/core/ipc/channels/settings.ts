import { z } from 'zod';
import { channel } from '../define';
import { providerIdSchema, settingsSchema } from '../../settings/schema';
import { PROVIDER_ERROR_KINDS } from '../../domain/intel';

const keyStatusSchema = z.record(providerIdSchema, z.boolean());

export const settingsChannels = {
  'settings:get': channel(z.void(), settingsSchema),
  'settings:update': channel(z.record(z.string(), z.unknown()), settingsSchema),
  /** The renderer only ever learns whether a key is set. */
  'keys:status': channel(z.void(), keyStatusSchema),
  'keys:set': channel(z.object({ provider: providerIdSchema, key: z.string().trim().min(1, 'the key is empty').max(4096) }), keyStatusSchema),
  'keys:delete': channel(z.object({ provider: providerIdSchema }), keyStatusSchema),
  /** One cheap authenticated call with the stored key; the answer says whether it works and, if not, why. */
  'keys:test': channel(z.object({ provider: providerIdSchema }), z.object({ ok: z.boolean(), kind: z.enum(PROVIDER_ERROR_KINDS).optional(), message: z.string() })),
};
