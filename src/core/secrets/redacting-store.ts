import type { Redactor } from '../log/redactor';
import type { SecretStore } from './secret-store';

/**
 * Registers every key the process reads or stores with the log's redactor, so the key is scrubbed from
 * log lines (error messages, stack traces) from the moment it is in memory.
 */
export function withSecretsRedacted(store: SecretStore, redactor: Redactor): SecretStore {
  return {
    async get(provider) {
      const secret = await store.get(provider);
      if (secret !== null) redactor.add(secret);
      return secret;
    },
    set(provider, secret) {
      redactor.add(secret);
      return store.set(provider, secret);
    },
    delete: (provider) => store.delete(provider),
    configured: () => store.configured(),
    availability: () => store.availability(),
  };
}
