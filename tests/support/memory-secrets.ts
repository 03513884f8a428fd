import { PROVIDER_IDS, type ProviderId } from '../../src/core/settings/schema';
import type { SecretStore } from '../../src/core/secrets/secret-store';

/** The OS keychain is the machine's outer edge: tests that are not about it use this in-memory stand-in. */
export class MemorySecretStore implements SecretStore {
  readonly secrets = new Map<ProviderId, string>();
  async get(provider: ProviderId) {
    return this.secrets.get(provider) ?? null;
  }
  async set(provider: ProviderId, secret: string) {
    this.secrets.set(provider, secret);
  }
  async delete(provider: ProviderId) {
    return this.secrets.delete(provider);
  }
  async configured() {
    return Object.fromEntries(PROVIDER_IDS.map((id) => [id, this.secrets.has(id)])) as Record<ProviderId, boolean>;
  }
  async availability() {
    return { available: true } as const;
  }
}
