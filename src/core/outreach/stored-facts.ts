import type { Fact, FactSection } from '../domain/intel';
import type { Db } from '../store/database';

interface FactRow {
  id: number;
  section: FactSection;
  kind: string;
  value: string;
  evidence: string;
  confidence: number;
  url: string;
  title: string | null;
  published_date: string | null;
}

/**
 * The facts of a company's most recent intelligence run that stored any, each joined to its source: a
 * fact with no source cannot be read here (the join requires one).
 */
export function latestStoredFacts(db: Db, companyId: number): Fact[] {
  const rows = db
    .prepare<[number, number], FactRow>(
      `SELECT f.id, f.section, f.kind, f.value, f.evidence, f.confidence, s.url, s.title, s.published_date
       FROM facts f JOIN sources s ON s.id = f.source_id
       WHERE f.company_id = ? AND f.run_id IS (SELECT run_id FROM facts WHERE company_id = ? ORDER BY run_id DESC LIMIT 1)
       ORDER BY f.id`,
    )
    .all(companyId, companyId);
  return rows.map((row) => {
    const value: unknown = JSON.parse(row.value);
    return {
      id: row.id,
      section: row.section,
      component: row.section,
      kind: row.kind,
      value,
      text: typeof value === 'string' ? value : row.evidence,
      source: { url: row.url, title: row.title ?? '', publishedDate: row.published_date },
      evidence: row.evidence,
      confidence: row.confidence,
    };
  });
}
