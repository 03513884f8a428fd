import type { RegisterCommand } from '../shared/register';
import type { CliContext } from '../context';
import { positiveInt } from '../shared/arguments';
import { Option } from 'commander';
import type { CompanyReport } from '../../core/intel/domain';
import { reportToHtml } from '../../core/intel/html';
import { reportToMarkdown } from '../../core/intel/markdown';
import { cancelOnCtrlC } from '../shared/ctrl-c';

/** What `lookup --json` prints: the report, with executives/funding/news sources as URL lists (as stored). */
function jsonView(report: CompanyReport) {
  return {
    company: {
      name: report.company.name,
      domain: report.company.domain,
      aliases: report.company.aliases,
      id: report.companyId,
    },
    overview: report.overview,
    executives: report.executives,
    funding: report.funding,
    investments: report.investments,
    news: report.news,
    custom: report.custom,
    sources: report.sources,
    candidates: report.candidates,
    notFound: report.notFound,
    partial: report.partial,
    changes: report.changes,
    facts: report.facts,
    run: report.run,
  };
}

export interface LookupCommandOptions {
  workflow: string;
  types?: string[];
  refresh?: boolean;
  pick?: number;
  /** How the report is printed without --json: Markdown (the default) or a self-contained HTML page. */
  format?: 'md' | 'html';
}

/** Runs one lookup with progress on stderr and Ctrl-C as cancel; prints the report (also for `workflow run` and `intel`). */
export async function runLookup(context: CliContext, company: string, options: LookupCommandOptions): Promise<void> {
  const services = await context.services();
  const { format, ...lookupOptions } = options;
  const report = await cancelOnCtrlC((signal) =>
    services.intel.lookup(company, {
      ...lookupOptions,
      signal,
      onProgress: (event) => context.progress(event.message),
    }),
  );
  context.print(jsonView(report), () => (format === 'html' ? reportToHtml(report) : reportToMarkdown(report)));
  if (report.candidates.length > 0 && report.companyId === null) process.exitCode = 2;
}

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
