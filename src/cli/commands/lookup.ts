import type { RegisterCommand } from '../shared/register';
import { positiveInt } from '../shared/arguments';
import { runLookup, type LookupCommandOptions } from '../shared/lookups';
import { Option } from 'commander';

export const registerLookup: RegisterCommand = (program, context) => {
  program
    .command('lookup <company>')
    .description('research a company and print a sourced report (progress on stderr)')
    .option('--workflow <name>', 'standard, comprehensive or one of yours (crm-intel workflow list)', 'standard')
    .option('--types <list>', 'only these components, comma-separated (e.g. executives,news)', (value: string) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .option('--refresh', 're-fetch instead of using cached responses')
    .option('--pick <n>', 'which candidate, when the name matches several companies', positiveInt('a candidate number'))
    .addOption(
      new Option('--format <format>', 'print the report as Markdown or as an HTML page (sources as numbered endnotes)')
        .choices(['md', 'html'])
        .default('md'),
    )
    .action((company: string, options: LookupCommandOptions) => runLookup(context, company, options));
};
