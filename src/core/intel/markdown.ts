import type { CompanyReport, SourcedValue } from './domain';
import { OVERVIEW_FIELDS } from './domain';
import { markdownSafe } from '../export/markdown';

/** The report as Markdown (and, unchanged, the human output of `crm-intel lookup`): every claim cites numbered sources. */
export function reportToMarkdown(unsafe: CompanyReport): string {
  // Every value is web text: escaped once here, so no page can add a link, a tag or a hidden character.
  const report = markdownSafe(unsafe);
  const cite = (urls: string[]) =>
    urls.map((url) => `[${report.sources.find((s) => s.url === url)?.id ?? '?'}]`).join('');
  const values = (list: SourcedValue[]) => list.map((v) => `${v.value} ${cite(v.sources)}`).join(' / ');
  const lines: string[] = [`# ${report.company.name}${report.company.domain ? ` (${report.company.domain})` : ''}`, ''];

  if (report.candidates.length > 0 && report.companyId === null) {
    lines.push(`"${report.query}" matches several companies. Pick one with --pick N:`, '');
    for (const c of report.candidates)
      lines.push(`${c.index}. ${c.name}${c.domain ? ` (${c.domain})` : ''}: ${c.description}`);
    return lines.join('\n');
  }
  if (report.partial.length > 0) {
    lines.push(
      `> Partial report: ${report.partial.map((p) => `${p.component} ${p.status} (${p.reason})`).join('; ')}`,
      '',
    );
  }
  if (report.run.stale)
    lines.push('> Some results come from an expired cache because a provider could not be reached.', '');

  lines.push('## Overview');
  for (const field of OVERVIEW_FIELDS) {
    const list = report.overview[field];
    lines.push(
      `- ${field}: ${list.length ? values(list) : 'not found'}${list.length > 1 && field !== 'description' && field !== 'products' ? ' (sources disagree)' : ''}`,
    );
  }
  lines.push('', '## Executives');
  if (report.executives.length === 0) lines.push('- not found');
  for (const e of report.executives)
    lines.push(`- ${e.name}, ${e.title}${e.origin === 'profile' ? ' (profile)' : ''} ${cite(e.sources)}`);
  if (report.workflow === 'comprehensive' || report.funding.length || report.news.length) {
    lines.push('', '## Funding');
    if (report.funding.length === 0 && report.investments.length === 0) lines.push('- not found');
    for (const f of report.funding) {
      const amount =
        f.amount !== null ? `${f.currency ?? ''} ${f.amount.toLocaleString('en-US')}`.trim() : 'amount not stated';
      lines.push(
        `- ${f.date ?? 'undated'}: ${f.round ?? 'round'}, ${amount}${f.investors.length ? `; investors: ${f.investors.join(', ')}` : ''} ${cite(f.sources)}`,
      );
    }
    for (const i of report.investments) lines.push(`- ${i.kind}: ${i.value} ${cite(i.sources)}`);
    lines.push('', '## News (why now)');
    if (report.news.length === 0) lines.push('- not found');
    for (const n of report.news)
      lines.push(`- ${n.date ?? 'undated'} [${n.trigger}] ${n.title}: ${n.summary} ${cite(n.sources)}`);
  }
  for (const section of report.custom) {
    lines.push('', `## ${section.name}`);
    for (const [field, list] of Object.entries(section.fields))
      lines.push(`- ${field}: ${list.length ? values(list) : 'not found'}`);
  }
  const changes = report.changes;
  if (changes.previousRunId !== null) {
    const news = [
      ...changes.newExecutives.map((e) => `new executive: ${e}`),
      ...changes.newFunding.map((f) => `new funding: ${f}`),
      ...changes.newNews.map((n) => `new news: ${n}`),
    ];
    lines.push(
      '',
      `## Changes since ${changes.previousAt?.slice(0, 10)}`,
      ...(news.length ? news.map((n) => `- ${n}`) : ['- nothing new']),
    );
  }
  lines.push('', '## Sources');
  if (report.sources.length === 0) lines.push('- none');
  for (const s of report.sources)
    lines.push(`${s.id}. ${s.title} ${s.url}${s.publishedDate ? ` (${s.publishedDate.slice(0, 10)})` : ''}`);
  lines.push(
    '',
    `Run ${report.run.id}: ${report.run.providerCalls} provider calls, ${report.run.cacheHits} cache hits, ${report.run.credits} credits.`,
  );
  return lines.join('\n');
}
