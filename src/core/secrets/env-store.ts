import { PROVIDER_IDS, SECRET_VARIABLES, type ProviderId } from '../providers/registry';
import { configuredOrNone, type KeychainAvailability, type SecretStore } from './secret-store';

/**
 * Secrets from environment variables (each provider's `auth.envVariable`) take precedence over the keychain (command line, CI, scripts);
 * writes go to the keychain underneath.
 */
export class EnvOverrideSecretStore implements SecretStore {
  constructor(
    private readonly keychain: SecretStore,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  private fromEnv(provider: ProviderId): string | null {
    return this.env[SECRET_VARIABLES[provider]]?.trim() || null;
  }

  async get(provider: ProviderId): Promise<string | null> {
    return this.fromEnv(provider) ?? this.keychain.get(provider);
  }

  set(provider: ProviderId, secret: string): Promise<void> {
    return this.keychain.set(provider, secret);
  }

  delete(provider: ProviderId): Promise<boolean> {
    return this.keychain.delete(provider);
  }

  /** Keys from the environment still count when the keychain cannot be reached. */
  async configured(): Promise<Record<ProviderId, boolean>> {
    const stored = await configuredOrNone(this.keychain);
    return Object.fromEntries(
      PROVIDER_IDS.map((id) => [id, stored[id] === true || this.fromEnv(id) !== null]),
    ) as Record<ProviderId, boolean>;
  }

  availability(): Promise<KeychainAvailability> {
    return this.keychain.availability();
  }
}
