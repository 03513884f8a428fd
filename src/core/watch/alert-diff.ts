import { z } from 'zod';
import type { CompanyReport, FactSection, SourcedValue } from '../intel/domain';
import { describeRound, newSince } from '../intel/report';
import { normaliseKey, placeKey } from '../intel/text';

export const ALERT_KINDS = [
  'funding_round',
  'executive_joined',
  'executive_departed',
  'news',
  'headquarters_changed',
  'size_changed',
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** A source behind an alert: the sentence it was read from, where, and when that page was published. */
export const alertEvidenceSchema = z.object({
  text: z.string(),
  url: z.string(),
  title: z.string(),
  publishedDate: z.string().nullable(),
});
export type AlertEvidence = z.infer<typeof alertEvidenceSchema>;

export interface AlertDraft {
  kind: AlertKind;
  summary: string;
  evidence: AlertEvidence[];
}

/**
 * What changed between a company's previous report and this one, as alerts: new funding rounds, executives
 * who joined or are no longer listed, new dated news, a different headquarters or size. A section is
 * compared only when its component completed in both runs: a failed, skipped or absent step (another
 * workflow) says nothing about what is new or gone.
 */
export function alertsBetween(current: CompanyReport, previous: CompanyReport): AlertDraft[] {
  const researched = (component: string) => researchedInBoth(component, current, previous);
  const added = newSince(current, previous);
  const alerts: AlertDraft[] = [];
  if (researched('funding')) {
    alerts.push(
      ...added.funding.map((f) => ({
        kind: 'funding_round' as const,
        summary: `New funding round: ${describeRound(f)}`,
        evidence: evidence(current, 'funding', f.sources, f.round ?? ''),
      })),
    );
  }
  if (researched('executives')) {
    alerts.push(
      ...added.executives.map((e) => ({
        kind: 'executive_joined' as const,
        summary: `New executive: ${e.name}, ${e.title}`,
        evidence: evidence(current, 'executives', e.sources, e.name),
      })),
    );
    const gone = newSince(previous, current).executives;
    alerts.push(
      ...gone.map((e) => ({
        kind: 'executive_departed' as const,
        summary: `No longer listed: ${e.name}, ${e.title}`,
        evidence: evidence(previous, 'executives', e.sources, e.name),
      })),
    );
  }
  if (researched('news')) {
    alerts.push(
      ...added.news
        .filter((n) => n.date !== null)
        .map((n) => ({
          kind: 'news' as const,
          summary: `News (${n.date}): ${n.title}`,
          evidence: evidence(current, 'news', n.sources, n.title),
        })),
    );
  }
  if (researched('overview')) {
    const headquarters = changedValue(current.overview.headquarters, previous.overview.headquarters, placeKey);
    if (headquarters)
      alerts.push({
        kind: 'headquarters_changed',
        summary: `Headquarters: ${headquarters.from} -> ${headquarters.to}`,
        evidence: evidence(current, 'overview', headquarters.sources, headquarters.to),
      });
    const size = changedValue(current.overview.employees, previous.overview.employees);
    if (size)
      alerts.push({
        kind: 'size_changed',
        summary: `Employees: ${size.from} -> ${size.to}`,
        evidence: evidence(current, 'overview', size.sources, size.to),
      });
  }
  return alerts;
}

function researchedInBoth(component: string, current: CompanyReport, previous: CompanyReport): boolean {
  const completed = (report: CompanyReport) =>
    report.run.steps.some((s) => s.component === component && s.status === 'completed');
  return completed(current) && completed(previous);
}

/** A single-valued field changed when both reports state it and no value of one is a value of the other (conflicting sources are no change). */
function changedValue(
  current: SourcedValue[],
  previous: SourcedValue[],
  key: (value: string) => string = normaliseKey,
): { from: string; to: string; sources: string[] } | null {
  if (current.length === 0 || previous.length === 0) return null;
  const before = new Set(previous.map((v) => key(v.value)));
  if (current.some((v) => before.has(key(v.value)))) return null;
  return { from: previous[0]!.value, to: current[0]!.value, sources: current[0]!.sources };
}

/** For each source URL, the report's sentence from that page about `mention` (else any of the section's from it). */
function evidence(report: CompanyReport, section: FactSection, urls: string[], mention: string): AlertEvidence[] {
  const key = normaliseKey(mention);
  return urls.map((url) => {
    const facts = report.facts.filter((f) => f.section === section && f.source.url === url);
    const fact = facts.find((f) => normaliseKey(`${f.text} ${f.evidence}`).includes(key)) ?? facts[0];
    const source = report.sources.find((s) => s.url === url);
    return {
      text: fact?.evidence ?? '',
      url,
      title: source?.title ?? fact?.source.title ?? url,
      publishedDate: source?.publishedDate ?? fact?.source.publishedDate ?? null,
    };
  });
}
