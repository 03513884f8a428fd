import { PROVIDER_IDS, type ProviderId } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';

export type KeySnapshot = Partial<Record<ProviderId, string>>;

/** Reads the keys a worker needs from the parent's store, at the moment the worker starts. */
export async function snapshotKeys(store: SecretStore): Promise<KeySnapshot> {
  const keys: KeySnapshot = {};
  for (const id of PROVIDER_IDS) {
    const key = await store.get(id);
    if (key) keys[id] = key;
  }
  return keys;
}

/**
 * The keys a worker thread was handed by its parent (thread memory only, never a file): a worker cannot
 * reach the parent's keychain session or environment overlay itself. Read-only.
 */
export function snapshotSecretStore(keys: KeySnapshot): SecretStore {
  const readOnly = () => Promise.reject(new Error('Keys are read-only inside a job worker.'));
  return {
    get: async (provider) => keys[provider] ?? null,
    set: readOnly,
    delete: readOnly,
    configured: async () => Object.fromEntries(PROVIDER_IDS.map((id) => [id, Boolean(keys[id])])) as Record<ProviderId, boolean>,
    availability: async () => ({ available: true }),
  };
}
