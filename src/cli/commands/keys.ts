import type { RegisterCommand } from '../shared/register';
import { providerIdSchema, type ProviderId } from '../../core/settings/schema';
import { oneOf } from '../shared/arguments';
import { readSecretLine } from '../read-secret';
import { UserFacingError } from '../../core/errors';

const parseProvider = oneOf(providerIdSchema.options, 'provider');

export const registerKeys: RegisterCommand = (program, context) => {
  const keys = program.command('keys').description('API keys in the OS keychain (never printed)');

  keys
    .command('list')
    .description('which providers have a key')
    .action(async () => {
      const configured = await (await context.services()).secrets.configured();
      context.print(configured, () =>
        Object.entries(configured)
          .map(([provider, set]) => `${provider.padEnd(10)} ${set ? 'set' : 'not set'}`)
          .join('\n'),
      );
    });

  keys
    .command('set')
    .description('store a key, read from standard input without echo')
    .argument('<provider>', providerIdSchema.options.join('|'), parseProvider)
    .action(async (provider: ProviderId) => {
      const secret = await readSecretLine(context.stdin, context.stderr, `API key for ${provider}: `);
      if (!secret) throw new UserFacingError('no_key', `No key was given on standard input. Type it at the prompt, or pipe it in: printf '%s' "$KEY" | crm-intel keys set ${provider}`);
      await (await context.services()).secrets.set(provider, secret);
      context.print({ provider, set: true }, () => `Stored the ${provider} key in the OS keychain.`);
    });

  keys
    .command('delete')
    .description('remove a key')
    .argument('<provider>', providerIdSchema.options.join('|'), parseProvider)
    .action(async (provider: ProviderId) => {
      const deleted = await (await context.services()).secrets.delete(provider);
      context.print({ provider, deleted }, () => (deleted ? `Deleted the ${provider} key.` : `No ${provider} key was stored.`));
    });
};
