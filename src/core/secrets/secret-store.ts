import { UserFacingError } from '../errors';
import { PROVIDER_IDS, type ProviderId } from '../settings/schema';

/**
 * Where API keys live. Implementations keep keys out of the database, logs, settings and the renderer;
 * callers ask for a key only at the moment they send a request.
 */
export interface SecretStore {
  get(provider: ProviderId): Promise<string | null>;
  set(provider: ProviderId, secret: string): Promise<void>;
  delete(provider: ProviderId): Promise<boolean>;
  /** Which providers have a key; never the keys themselves. */
  configured(): Promise<Record<ProviderId, boolean>>;
  /** Whether the keychain can be used now; when not, what to install or start. */
  availability(): Promise<KeychainAvailability>;
}

export type KeychainAvailability = { available: true } | { available: false; problem: string };

/** Thrown when the platform keychain cannot be used; the message says what to install or start. */
export class KeychainUnavailableError extends UserFacingError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('keychain_unavailable', message, options);
  }
}

/**
 * Which providers have a key in `store`, counting none when the keychain cannot be reached: listing keys
 * (status screens, `keys list`) keeps working, and `availability()` says what is wrong.
 */
export async function configuredOrNone(store: SecretStore): Promise<Partial<Record<ProviderId, boolean>>> {
  try {
    return await store.configured();
  } catch (error) {
    if (error instanceof KeychainUnavailableError) return {};
    throw error;
  }
}

/** `store`, except that `configured()` lists no keys instead of failing while the keychain cannot be reached. */
export function listingNoneWhenUnavailable(store: SecretStore): SecretStore {
  return {
    get: (provider) => store.get(provider),
    set: (provider, secret) => store.set(provider, secret),
    delete: (provider) => store.delete(provider),
    async configured() {
      const stored = await configuredOrNone(store);
      return Object.fromEntries(PROVIDER_IDS.map((id) => [id, stored[id] === true])) as Record<ProviderId, boolean>;
    },
    availability: () => store.availability(),
  };
}
