import { ENDPOINT_PROVIDER_IDS, PROVIDER_IDS, type ProviderId } from '../providers/registry';
import { KeychainUnavailableError, type SecretStore } from '../secrets/secret-store';
import { threadRedactor } from '../log/redactor';

export type KeySnapshot = Partial<Record<ProviderId, string>>;

/**
 * Reads the keys a worker needs (those of `providers`) from the parent's store, at the moment the worker
 * starts. A keychain that cannot be reached counts as no key (the environment may still provide some, and
 * lookups that need none, such as the local research library, keep working); a key held back from a base
 * URL the analyst has not confirmed is the caller's error, with its reason and where to confirm it. Webhook
 * addresses stay behind: a lookup never notifies.
 */
export async function snapshotKeys(
  store: SecretStore,
  providers: readonly ProviderId[] = ENDPOINT_PROVIDER_IDS,
): Promise<KeySnapshot> {
  const keys: KeySnapshot = {};
  for (const id of providers) {
    const key = await store.get(id).catch((error: unknown) => {
      if (error instanceof KeychainUnavailableError) return null;
      throw error;
    });
    if (key) keys[id] = key;
  }
  return keys;
}

/**
 * The keys a worker thread was handed by its parent (thread memory only, never a file): a worker cannot
 * reach the parent's keychain session or environment overlay itself. Read-only.
 */
export function snapshotSecretStore(keys: KeySnapshot): SecretStore {
  // The worker's own log lines and database writes are redacted like its parent's.
  for (const key of Object.values(keys)) threadRedactor.add(key);
  const readOnly = () => Promise.reject(new Error('Keys are read-only inside a job worker.'));
  return {
    get: async (provider) => keys[provider] ?? null,
    set: readOnly,
    delete: readOnly,
    configured: async () =>
      Object.fromEntries(PROVIDER_IDS.map((id) => [id, Boolean(keys[id])])) as Record<ProviderId, boolean>,
    availability: async () => ({ available: true }),
  };
}
