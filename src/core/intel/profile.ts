import type { Db } from '../store/database';
import type { CompanyReport, Fact, OverviewField, ProfileEntry } from './domain';
import { functionOf, seniorityOf } from './extract/executives';
import { normaliseKey } from './text';

/** The `component` of curated facts: replaced as a whole whenever a report is finished. */
export const PROFILE_COMPONENT = 'profile';

interface ProfileRow {
  id: number;
  company_id: number;
  section: string;
  kind: ProfileEntry['kind'];
  value: string;
  note: string | null;
  curator: string;
  updated_at: string;
}

function toEntry(row: ProfileRow): ProfileEntry {
  const value = JSON.parse(row.value) as { name?: string; title?: string; value?: string };
  return {
    id: row.id,
    companyId: row.company_id,
    kind: row.kind,
    value: (row.kind === 'executive' ? value.name : value.value) ?? '',
    title: row.kind === 'executive' ? (value.title ?? null) : null,
    note: row.note,
    curator: row.curator,
    updatedAt: row.updated_at,
  };
}

/** Analyst-curated company profiles (`company_profiles`): one entry per executive (by name) or overview field. */
export class ProfileStore {
  constructor(private readonly db: Db) {}

  list(companyId: number): ProfileEntry[] {
    return this.db.prepare<[number], ProfileRow>('SELECT * FROM company_profiles WHERE company_id = ? ORDER BY id').all(companyId).map(toEntry);
  }

  /** Adds an entry, replacing the company's entry for the same executive or overview field. */
  put(companyId: number, entry: { kind: ProfileEntry['kind']; value: string; title: string | null; note: string | null; curator: string }): ProfileEntry {
    const section = entry.kind === 'executive' ? 'executives' : 'overview';
    const value = JSON.stringify(entry.kind === 'executive' ? { name: entry.value, title: entry.title } : { value: entry.value });
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const same = this.list(companyId).find((e) => e.kind === entry.kind && (entry.kind !== 'executive' || normaliseKey(e.value) === normaliseKey(entry.value)));
      if (same) {
        this.db.prepare('UPDATE company_profiles SET value = ?, note = ?, curator = ?, updated_at = ? WHERE id = ?').run(value, entry.note, entry.curator, now, same.id);
        return toEntry(this.db.prepare<[number], ProfileRow>('SELECT * FROM company_profiles WHERE id = ?').get(same.id)!);
      }
      const row = this.db
        .prepare<unknown[], ProfileRow>('INSERT INTO company_profiles (company_id, section, kind, value, note, curator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *')
        .get(companyId, section, entry.kind, value, entry.note, entry.curator, now, now)!;
      return toEntry(row);
    })();
  }

  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM company_profiles WHERE id = ?').run(id).changes > 0;
  }
}

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
    source: { url: `profile:${entry.id}`, title: `${companyName} company profile (curated by ${entry.curator})`, publishedDate: date },
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
  const facts = entries.map((entry) => curatedFact(entry, report.company.name));
  const curatedExecutives = entries.flatMap((entry) => {
    if (entry.kind !== 'executive') return [];
    const key = normaliseKey(entry.value);
    const found = report.executives.find((e) => normaliseKey(e.name) === key);
    const title = entry.title ?? found?.title ?? '';
    return [{ name: entry.value, title, function: functionOf(title), seniority: seniorityOf(title), sources: [`profile:${entry.id}`, ...(found?.sources.filter((s) => !s.startsWith('profile:')) ?? [])], origin: 'profile' as const }];
  });
  const curatedKeys = new Set(curatedExecutives.map((e) => normaliseKey(e.name)));
  report.executives = [...curatedExecutives, ...report.executives.filter((e) => !curatedKeys.has(normaliseKey(e.name)))];
  for (const entry of entries) {
    if (entry.kind === 'executive') continue;
    const field = entry.kind as OverviewField;
    const agreeing = report.overview[field].filter((v) => normaliseKey(v.value) === normaliseKey(entry.value)).flatMap((v) => v.sources.filter((s) => !s.startsWith('profile:')));
    report.overview[field] = [{ value: entry.value, sources: [`profile:${entry.id}`, ...new Set(agreeing)] }];
    report.notFound = report.notFound.filter((n) => n !== `overview.${field}`);
  }
  if (curatedExecutives.length > 0) report.notFound = report.notFound.filter((n) => n !== 'executives');
  return facts;
}
