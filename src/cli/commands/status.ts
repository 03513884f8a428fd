import type { RegisterCommand } from '../shared/register';
import { readStatus } from '../../core/services/status';

export const registerStatus: RegisterCommand = (program, context) => {
  program
    .command('status')
    .description('data folder, schema version, which providers have keys, and counts')
    .action(async () => {
      const status = await readStatus(await context.services());
      context.print(status, () => {
        const keys = Object.entries(status.keys).map(([provider, set]) => `${provider} ${set ? 'set' : 'not set'}`);
        return [
          `Data folder      ${status.dataDir}`,
          `Database         ${status.databaseFile} (schema version ${status.schemaVersion})`,
          `Settings         ${status.settingsFile}`,
          `API keys         ${keys.join(', ')}`,
          `Keychain         ${status.keychain.available ? 'available' : status.keychain.problem}`,
          `Companies        ${status.counts.companies}`,
          `Leads            ${status.counts.leads}`,
          `Drafts           ${status.counts.drafts}`,
          `Cache entries    ${status.counts.cacheEntries}`,
        ].join('\n');
      });
    });
};
