import type { CompanyReport } from './domain';

/** The file name a report is saved under: the company's name as a slug and the report's date, e.g. `acme-2025-03-14.pdf`. */
export function reportFileName(report: Pick<CompanyReport, 'company' | 'generatedAt'>, extension: string): string {
  const slug =
    report.company.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'company';
  return `${slug}-${report.generatedAt.slice(0, 10)}.${extension}`;
}
