import { InvalidArgumentError, Option } from 'commander';
import { COMPANY_SORT_COLUMNS, companyFilterSchema, type CompanyRow } from '../../core/companies/company-schemas';
import type { ColumnMapping } from '../../core/leads/fields';
import type { RegisterCommand } from '../shared/register';
import { describeImport, parseMapOption } from '../shared/imports';

const parseCount = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('write a whole number above 0.');
  return n;
};

const parseDate = (value: string) => {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new InvalidArgumentError('write a date as YYYY-MM-DD.');
  return value;
};

interface ListOptions {
  search?: string;
  industry?: string;
  headquarters?: string;
  round?: string;
  roundFrom?: string;
  roundTo?: string;
  minSize?: number;
  maxSize?: number;
  notRefreshedSince?: string;
  hasLeads?: boolean;
  watched?: boolean;
  sort: (typeof COMPANY_SORT_COLUMNS)[number];
  desc?: boolean;
  limit: number;
}

function describeCompany(row: CompanyRow): string {
  const round = row.latestRound ? `${row.latestRound}${row.latestRoundDate ? ` (${row.latestRoundDate})` : ''}` : null;
  const details = [
    row.domain,
    row.industry,
    row.headquarters,
    row.employees !== null ? `${row.employees} employees` : null,
    round,
  ].filter(Boolean);
  const leads = `${row.leads} lead${row.leads === 1 ? '' : 's'}`;
  const refreshed = row.refreshedAt ? `refreshed ${row.refreshedAt.slice(0, 10)}` : 'never looked up';
  return `${row.name}${details.length ? `  ${details.join(' · ')}` : ''}  [${leads}, ${refreshed}${row.watched ? ', watched' : ''}]`;
}

/** `crm-intel companies list|import`: every company researched or imported, and imports of company lists. */
export const registerCompanies: RegisterCommand = (program, context) => {
  const companies = program
    .command('companies')
    .description('the companies researched or imported; import a list of companies');
  companies
    .command('list')
    .description('list companies with their industry, headquarters, latest round, size, leads and last refresh')
    .option('--search <text>', 'part of the name or domain')
    .option('--industry <text>', 'part of the industry')
    .option('--headquarters <text>', 'part of the headquarters')
    .option('--round <text>', 'part of the latest round (seed, series b)')
    .option('--round-from <date>', 'latest round on or after this day (YYYY-MM-DD)', parseDate)
    .option('--round-to <date>', 'latest round on or before this day', parseDate)
    .option('--min-size <n>', 'at least this many employees', parseCount)
    .option('--max-size <n>', 'at most this many employees', parseCount)
    .option('--not-refreshed-since <date>', 'last refreshed before this day, or never looked up', parseDate)
    .option('--has-leads', 'only companies with leads')
    .option('--watched', 'only watched companies')
    .addOption(new Option('--sort <column>', 'sort by this column').choices(COMPANY_SORT_COLUMNS).default('name'))
    .option('--desc', 'sort descending')
    .option('--limit <n>', 'at most this many', parseCount, 1000)
    .action(async (options: ListOptions) => {
      const { companies: service } = await context.services();
      const filter = companyFilterSchema.parse({
        search: options.search,
        industry: options.industry,
        headquarters: options.headquarters,
        round: options.round,
        roundFrom: options.roundFrom,
        roundTo: options.roundTo,
        employeesMin: options.minSize,
        employeesMax: options.maxSize,
        refreshedBefore: options.notRefreshedSince,
        hasLeads: options.hasLeads,
        watched: options.watched,
      });
      const rows = service.list({
        limit: options.limit,
        sort: { column: options.sort, direction: options.desc ? 'desc' : 'asc' },
        filter,
      });
      const total = service.count({ filter });
      context.print(rows, () =>
        rows.length
          ? [
              ...rows.map(describeCompany),
              ...(total > rows.length ? [`... ${total - rows.length} more (--limit)`] : []),
            ].join('\n')
          : 'No companies (look one up, or `crm-intel companies import FILE`).',
      );
    });
  companies
    .command('import')
    .description('import a CSV/TSV or XLSX list of company names and/or websites, no people (undo with `imports undo`)')
    .argument('<file>', 'the file to import')
    .option('--sheet <name>', 'the XLSX sheet to read (default: the first)')
    .option(
      '--map <column=field>',
      'map a column: "Column=company" for names, "Column=website" for websites or domains',
      parseMapOption,
      {},
    )
    .option('--dry-run', 'read, check and count everything, store nothing')
    .action(async (file: string, options: { sheet?: string; map: ColumnMapping; dryRun?: boolean }) => {
      const { companies: service } = await context.services();
      const summary = await service.import({
        file,
        sheet: options.sheet,
        overrides: options.map,
        dryRun: options.dryRun,
      });
      context.print(summary, () =>
        options.dryRun
          ? `Dry run: ${summary.rowsTotal} rows would give ${summary.imported} new companies, ${summary.duplicates} already known, ${summary.rejected} rejected. Nothing was stored.`
          : describeImport(summary),
      );
    });
};
