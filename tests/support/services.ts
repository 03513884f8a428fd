import { createAppServices, type AppServices } from '../../src/core/services/app-services';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import { MemorySecretStore } from './memory-secrets';
import { tempDir } from './temp-dir';
import type { SecretStore } from '../../src/core/secrets/secret-store';

/** Real services over a real SQLite file and settings file in a temporary data folder. */
export function testServices(
  options: { dataDir?: string; secrets?: SecretStore; env?: NodeJS.ProcessEnv; clock?: () => number } = {},
): AppServices {
  const dataDir = options.dataDir ?? tempDir();
  return createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets: options.secrets ?? new MemorySecretStore(),
    env: options.env ?? {},
    clock: options.clock,
  });
}
