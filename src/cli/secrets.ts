import { EnvOverrideSecretStore } from '../core/secrets/env-store';
import { loadKeytarSecretStore } from '../core/secrets/keytar-store';
import type { SecretStore } from '../core/secrets/secret-store';

/** The command line's keys: environment variables first, then the OS keychain. */
export async function createCliSecretStore(env: NodeJS.ProcessEnv): Promise<SecretStore> {
  return new EnvOverrideSecretStore(await loadKeytarSecretStore(), env);
}
