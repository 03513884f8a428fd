import type { RegisterCommand } from '../shared/register';
import { readStatus } from '../../core/services/status';

export const registerStatus: RegisterCommand = (program, context) => {
  program
    .command('status')
    .description('data folder, schema version, which providers have keys, and counts')
    .action(async () => {
      const services = await context.services();
      const status = await readStatus(services);
      const setup = await services.setup.state('cli');
      context.print({ ...status, setup }, () => {
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
          ...(setup.message ? ['', setup.message] : []),
          ...(setup.sample.inUse
            ? ['', `Research folder  the sample data (${setup.sample.company} is fictional)`]
            : []),
        ].join('\n');
      });
    });
};
