import type { CliContext } from '../context';
import type { CompanyReport } from '../../core/intel/domain';
import { reportToHtml } from '../../core/intel/html';
import { reportToMarkdown } from '../../core/intel/markdown';
import { cancelOnCtrlC } from './ctrl-c';

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
