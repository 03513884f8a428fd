import { z } from 'zod';
import { channel } from '../define';
import { settingsPatchSchema, settingsSchema } from '../../settings/schema';
import { endpointProviderIdSchema, providerIdSchema } from '../../providers/registry';
import { PROVIDER_ERROR_KINDS } from '../../intel/domain';

const keyStatusSchema = z.record(providerIdSchema, z.boolean());
/** Per provider reached at a base URL: where its key would be sent, and whether the analyst confirmed that address. */
const keyDestinationsSchema = z.record(
  endpointProviderIdSchema,
  z.object({ baseUrl: z.string(), confirmed: z.boolean() }),
);

export const settingsChannels = {
  'settings:get': channel(z.void(), settingsSchema),
  'settings:update': channel(settingsPatchSchema, settingsSchema),
  /** The renderer only ever learns whether a key is set. */
  'keys:status': channel(z.void(), keyStatusSchema),
  /** A key, or a webhook's address (the secret of a notify provider). */
  'keys:set': channel(
    z.object({ provider: providerIdSchema, key: z.string().trim().min(1, 'the key is empty').max(4096) }),
    keyStatusSchema,
  ),
  'keys:delete': channel(z.object({ provider: providerIdSchema }), keyStatusSchema),
  'keys:destinations': channel(z.void(), keyDestinationsSchema),
  /**
   * The analyst confirms that a stored key may go to the base URL they were shown. In the desktop app
   * main asks again in its own dialog, which a script in the page cannot answer.
   */
  'keys:confirmBaseUrl': channel(
    z.object({ provider: endpointProviderIdSchema, baseUrl: z.string().max(2048) }),
    keyDestinationsSchema,
  ),
  /** One cheap authenticated call with the stored key; the answer says whether it works and, if not, why. */
  'keys:test': channel(
    z.object({ provider: providerIdSchema }),
    z.object({ ok: z.boolean(), kind: z.enum(PROVIDER_ERROR_KINDS).optional(), message: z.string() }),
  ),
};
