import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';

/** What of a lead and its contact the score reads. */
export interface ScoreInputRow {
  id: number;
  companyId: number | null;
  title: string | null;
  email: string | null;
  status: string | null;
  company: string | null;
}

const INPUT = `SELECT l.id, l.company_id AS companyId, c.title, c.email, l.status, c.company_name AS company FROM leads l JOIN contacts c ON c.id = l.contact_id`;

/** The stored scores (`leads.score`) and the inputs they were computed from (`lead_score_basis`). */
export function scoreStatements(db: Db) {
  return statements(db, {
    basis: sql<[], string>('SELECT basis FROM lead_score_basis WHERE id = 1'),
    setBasis: sql<[string], void>(
      'INSERT INTO lead_score_basis (id, basis) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET basis = excluded.basis',
    ),
    /** Changes that can change scores other than an edit: a new report, a new import. */
    versions: sql<[], { runs: number | null; imports: number | null }>(
      `SELECT (SELECT id FROM intel_runs WHERE report IS NOT NULL ORDER BY id DESC LIMIT 1) AS runs, (SELECT max(id) FROM imports) AS imports`,
    ),
    anyUnscored: sql<[], number>('SELECT EXISTS (SELECT 1 FROM leads WHERE score IS NULL)'),
    allInputs: sql<[], ScoreInputRow>(INPUT),
    unscoredInputs: sql<[], ScoreInputRow>(`${INPUT} WHERE l.score IS NULL`),
    input: sql<[number], ScoreInputRow>(`${INPUT} WHERE l.id = ?`),
    setScore: sql<[number, number], void>('UPDATE leads SET score = ? WHERE id = ?'),
  });
}
export type ScoreStatements = ReturnType<typeof scoreStatements>;
