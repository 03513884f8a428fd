import type { RegisterCommand } from '../shared/register';
import { PROVIDERS, providerById, providerIdSchema, type ProviderId } from '../../core/providers/registry';
import { oneOf } from '../shared/arguments';
import { readSecretLine } from '../read-secret';
import { UserFacingError } from '../../core/errors';
import { testConnection } from '../../core/ipc/handlers/connection-test';

const parseProvider = oneOf(providerIdSchema.options, 'provider');
const providerArgument = ['<provider>', providerIdSchema.options.join('|'), parseProvider] as const;

const isWebhook = (provider: ProviderId) => providerById(provider).auth.type === 'secret-url';
/** What a provider's secret is called: a webhook's is its address. */
const secretName = (provider: ProviderId) => (isWebhook(provider) ? 'webhook URL' : 'API key');
const shortName = (provider: ProviderId) => (isWebhook(provider) ? 'webhook URL' : 'key');

export const registerKeys: RegisterCommand = (program, context) => {
  const keys = program.command('keys').description('API keys and webhook URLs in the OS keychain (never printed)');

  keys
    .command('list')
    .description('which providers have a key or webhook URL')
    .action(async () => {
      const configured = await (await context.services()).secrets.configured();
      context.print(configured, () =>
        PROVIDERS.map(
          (p) =>
            `${p.id.padEnd(10)} ${p.kind.padEnd(7)} ${(configured[p.id] ? 'set' : 'not set').padEnd(8)} ${p.label}`,
        ).join('\n'),
      );
    });

  keys
    .command('set')
    .description('store a key or webhook URL, read from standard input without echo')
    .argument(...providerArgument)
    .action(async (provider: ProviderId) => {
      const secret = await readSecretLine(context.stdin, context.stderr, `${secretName(provider)} for ${provider}: `);
      if (!secret)
        throw new UserFacingError(
          'no_key',
          `No ${shortName(provider)} was given on standard input. Type it at the prompt, or pipe it in: printf '%s' "$KEY" | crm-intel keys set ${provider}`,
        );
      await (await context.services()).secrets.set(provider, secret);
      context.print({ provider, set: true }, () => `Stored the ${provider} ${shortName(provider)} in the OS keychain.`);
    });

  keys
    .command('delete')
    .description('remove a key or webhook URL')
    .argument(...providerArgument)
    .action(async (provider: ProviderId) => {
      const deleted = await (await context.services()).secrets.delete(provider);
      context.print({ provider, deleted }, () =>
        deleted
          ? `Deleted the ${provider} ${shortName(provider)}.`
          : `No ${provider} ${shortName(provider)} was stored.`,
      );
    });

  keys
    .command('test')
    .description('the provider’s health check with the stored secret: one cheap call (a webhook gets a test message)')
    .argument(...providerArgument)
    .action(async (provider: ProviderId) => {
      const result = await testConnection(await context.services(), provider);
      context.print(result, () => `${providerById(provider).label}: ${result.ok ? 'works. ' : ''}${result.message}`);
      if (!result.ok) process.exitCode = 1;
    });
};
