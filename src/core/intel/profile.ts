import { OVERVIEW_FIELDS, type CompanyReport, type Fact, type OverviewField, type ProfileEntry } from './domain';
import { functionOf, seniorityOf } from './extract/executives';
import { normaliseKey } from './text';

/** The `component` of curated facts: replaced as a whole whenever a report is finished. */
export const PROFILE_COMPONENT = 'profile';

/** Curated facts cite the analyst: a `profile:<id>` URL, "Company profile (curated by …)" and the entry's date. */
function curatedFact(entry: ProfileEntry, companyName: string): Fact {
  const date = entry.updatedAt.slice(0, 10);
  const executive = entry.kind === 'executive';
  const text = executive ? `${entry.value}, ${entry.title}` : `${entry.kind}: ${entry.value}`;
  return {
    id: 0,
    section: executive ? 'executives' : 'overview',
    component: PROFILE_COMPONENT,
    kind: entry.kind,
    value: executive ? { name: entry.value, title: entry.title } : entry.value,
    text,
    source: {
      url: `profile:${entry.id}`,
      title: `${companyName} company profile (curated by ${entry.curator})`,
      publishedDate: date,
    },
    evidence: entry.note ?? `${text} (curated by ${entry.curator} on ${date})`,
    confidence: 1,
  };
}

/**
 * Merges the curated profile into a report, curated entries winning: a curated executive's title replaces a
 * found one and curated decision makers come first even if no source names them; a curated overview value
 * replaces conflicting found values (found values that agree keep their sources). Returns the curated facts.
 */
export function applyProfile(report: CompanyReport, entries: ProfileEntry[]): Fact[] {
  report.uncurated = structuredClone({
    executives: report.executives,
    overview: report.overview,
    notFound: report.notFound.filter(isCuratable),
  });
  const facts = entries.map((entry) => curatedFact(entry, report.company.name));
  const curatedExecutives = entries.flatMap((entry) => {
    if (entry.kind !== 'executive') return [];
    const key = normaliseKey(entry.value);
    const found = report.executives.find((e) => normaliseKey(e.name) === key);
    const title = entry.title ?? found?.title ?? '';
    return [
      {
        name: entry.value,
        title,
        function: functionOf(title),
        seniority: seniorityOf(title),
        sources: [`profile:${entry.id}`, ...(found?.sources.filter((s) => !s.startsWith('profile:')) ?? [])],
        origin: 'profile' as const,
      },
    ];
  });
  const curatedKeys = new Set(curatedExecutives.map((e) => normaliseKey(e.name)));
  report.executives = [
    ...curatedExecutives,
    ...report.executives.filter((e) => !curatedKeys.has(normaliseKey(e.name))),
  ];
  for (const entry of entries) {
    if (entry.kind === 'executive') continue;
    const field = entry.kind as OverviewField;
    const agreeing = report.overview[field]
      .filter((v) => normaliseKey(v.value) === normaliseKey(entry.value))
      .flatMap((v) => v.sources.filter((s) => !s.startsWith('profile:')));
    report.overview[field] = [{ value: entry.value, sources: [`profile:${entry.id}`, ...new Set(agreeing)] }];
    report.notFound = report.notFound.filter((n) => n !== `overview.${field}`);
  }
  if (curatedExecutives.length > 0) report.notFound = report.notFound.filter((n) => n !== 'executives');
  return facts;
}

/** A `notFound` entry a curated entry can settle: the decision makers, or an overview field. */
const isCuratable = (notFound: string) => notFound === 'executives' || notFound.startsWith('overview.');
const isCurated = (url: string) => url.startsWith('profile:');

/**
 * A copy of a stored report as its lookup found it, before the curated profile was merged in: from the
 * sections kept in `uncurated`. A report stored before they were kept loses what only the profile said
 * (decision makers and values no source states); what a source also states stays, with its sources only.
 */
export function withoutProfile(stored: CompanyReport): CompanyReport {
  const report = structuredClone(stored);
  const found = report.uncurated;
  delete report.uncurated;
  if (found) {
    report.executives = found.executives;
    report.overview = found.overview;
    report.notFound = [...report.notFound.filter((n) => !isCuratable(n)), ...found.notFound];
    return report;
  }
  report.executives = report.executives.flatMap((e) => {
    const sources = e.sources.filter((s) => !isCurated(s));
    return e.origin === 'found' ? [e] : sources.length ? [{ ...e, sources, origin: 'found' as const }] : [];
  });
  for (const field of OVERVIEW_FIELDS) {
    if (!report.overview[field].some((v) => v.sources.some(isCurated))) continue;
    report.overview[field] = report.overview[field]
      .map((v) => ({ ...v, sources: v.sources.filter((s) => !isCurated(s)) }))
      .filter((v) => v.sources.length > 0);
    if (report.overview[field].length === 0) report.notFound.push(`overview.${field}`);
  }
  const hadCurated = stored.executives.some((e) => e.origin === 'profile');
  if (hadCurated && report.executives.length === 0 && !report.notFound.includes('executives'))
    report.notFound.push('executives');
  return report;
}
