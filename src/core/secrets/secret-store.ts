import { UserFacingError } from '../errors';
import type { ProviderId } from '../settings/schema';

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
