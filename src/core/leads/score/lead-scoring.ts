import { UserFacingError } from '../../errors';
import { latestFactsByCompany } from '../../outreach/compose/company-facts';
import type { LeadWorkSettings } from '../../settings/lead-work-settings';
import type { Db } from '../../store/database';
import { scoreLead, type LeadScore } from './lead-score';
import { scoreStatements, type ScoreInputRow, type ScoreStatements } from './score-store';

/**
 * Lead scores kept in `leads.score` so the table sorts and pages by them in SQLite. A stored score is
 * current while its basis is: the weights and target roles, the day (a round stops being recent), the
 * newest report and the newest import. `refresh` rescores every lead when the basis moved, else only
 * leads never scored; `rescore` scores some leads at once (an edit's, a page shown while not current).
 */
export class LeadScoring {
  private readonly sql: ScoreStatements;

  constructor(
    private readonly db: Db,
    private readonly settings: () => LeadWorkSettings,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sql = scoreStatements(db);
  }

  /** True when every stored score is current: the basis has not moved and no lead is unscored. */
  isCurrent(): boolean {
    return (
      this.sql.basis.pluck().get() === this.basis(this.settings(), this.now()) && !this.sql.anyUnscored.pluck().get()
    );
  }

  /** Brings the stored scores up to date; returns how many leads were scored (0 when all were current). */
  refresh(): number {
    const settings = this.settings();
    const now = this.now();
    const basis = this.basis(settings, now);
    const whole = this.sql.basis.pluck().get() !== basis;
    if (!whole && !this.sql.anyUnscored.pluck().get()) return 0;
    return this.db.transaction(() => {
      const leads = (whole ? this.sql.allInputs : this.sql.unscoredInputs).all();
      this.store(leads, settings, now);
      this.sql.setBasis.run(basis);
      return leads.length;
    })();
  }

  /** Scores these leads now (after an edit, or the page of a table shown): their new scores by id. */
  rescore(leadIds: readonly number[]): Map<number, number> {
    const leads = leadIds.map((id) => this.sql.input.get(id)).filter((row): row is ScoreInputRow => row !== undefined);
    return this.db.transaction(() => this.store(leads, this.settings(), this.now()))();
  }

  private basis(settings: LeadWorkSettings, now: Date): string {
    return JSON.stringify({
      day: now.toISOString().slice(0, 10),
      targetRoles: settings.targetRoles,
      weights: settings.scoreWeights,
      ...this.sql.versions.get(),
    });
  }

  /** A lead's score with each signal and its source, computed afresh. */
  explain(leadId: number): LeadScore {
    const lead = this.sql.input.get(leadId);
    if (!lead) throw new UserFacingError('lead_not_found', `No lead with id ${leadId}.`);
    const facts =
      lead.companyId === null ? [] : (latestFactsByCompany(this.db, [lead.companyId]).get(lead.companyId) ?? []);
    return scoreLead(lead, facts, this.settings(), this.now());
  }

  private store(leads: readonly ScoreInputRow[], settings: LeadWorkSettings, now: Date): Map<number, number> {
    const companyIds = [...new Set(leads.map((lead) => lead.companyId).filter((id): id is number => id !== null))];
    const facts = companyIds.length ? latestFactsByCompany(this.db, companyIds) : new Map();
    const scores = new Map<number, number>();
    for (const lead of leads) {
      const { score } = scoreLead(lead, (lead.companyId !== null && facts.get(lead.companyId)) || [], settings, now);
      this.sql.setScore.run(score, lead.id);
      scores.set(lead.id, score);
    }
    return scores;
  }
}
