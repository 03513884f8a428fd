import type { RegisterCommand } from '../shared/register';
import { runLookup } from '../shared/lookups';

/** The replaced system's type names; `company` was its overview. */
const OLD_TYPE_NAMES: Record<string, string> = { company: 'overview' };

/** `crm-intel intel "X" --types company executives`: the replaced system's command, kept as an alias of lookup. */
export const registerIntel: RegisterCommand = (program, context) => {
  program
    .command('intel <company>')
    .description('alias of lookup, as the replaced system spelled it: --types company executives funding news')
    .option('--types <types...>', 'only these components (company = overview)')
    .option('--workflow <name>', 'standard, comprehensive or one of yours', 'comprehensive')
    .option('--refresh', 're-fetch instead of using cached responses')
    .action((company: string, options: { types?: string[]; workflow: string; refresh?: boolean }) =>
      runLookup(context, company, {
        ...options,
        types: options.types?.flatMap((t) => t.split(',')).map((t) => OLD_TYPE_NAMES[t] ?? t),
      }),
    );
};
