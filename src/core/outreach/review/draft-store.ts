import { z } from 'zod';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../store/database';
import { StatementCache } from '../../store/statements';
import { UserFacingError } from '../../errors';
import { draftFactSchema, lintWarningSchema, type ComposedDraft, type Draft, type DraftStatus } from '../draft-schema';

interface DraftRow {
  id: number;
  lead_id: number;
  subject: string;
  body: string;
  status: DraftStatus;
  generator: 'template' | 'llm';
  template: string | null;
  llm_fallback: string | null;
  facts: string;
  lint: string;
  created_at: string;
  updated_at: string;
  email: string | null;
  full_name: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
  lead_source: string | null;
}

const SELECT = `
  SELECT d.*, c.email, c.full_name, c.first_name, c.last_name, c.company_name, l.source AS lead_source
  FROM drafts d JOIN leads l ON l.id = d.lead_id JOIN contacts c ON c.id = l.contact_id`;

/** Which review action may follow which state. An edit or a regeneration always returns a draft to `draft`. */
const ALLOWED_FROM: Record<Exclude<DraftStatus, 'draft'>, readonly DraftStatus[]> = {
  approved: ['draft', 'rejected', 'approved'],
  rejected: ['draft', 'approved', 'rejected'],
  copied: ['approved', 'copied'],
};

const ACTIVITY: Record<Exclude<DraftStatus, 'draft'>, string> = {
  approved: 'draft_approved',
  rejected: 'draft_rejected',
  copied: 'draft_copied',
};

export interface DraftListFilter {
  status?: DraftStatus;
  importId?: number;
  leadIds?: readonly number[];
  limit?: number;
  offset?: number;
}

/** A source a draft's facts cite, as the review screen shows it. */
/** A lead that got no draft in a run, and why. */
export interface HeldBackLead {
  leadId: number;
  reason: string;
}

export interface DraftSource {
  url: string;
  title: string | null;
  publishedDate: string | null;
}

/** Drafts, their revisions and the lead activities that go with each change, each change in one transaction. */
export class DraftStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  /** Prepared statements are reused: preparing one costs more than running it. */
  private sql<Row = unknown>(source: string): Statement<unknown[], Row> {
    return this.statements.get<unknown[], Row>(source);
  }

  /**
   * Stores leads' drafts, all in one transaction (a batch of thousands commits once). A lead has one
   * draft: writing it again keeps the previous words as a revision and sends the draft back to review.
   * Returns the draft ids in the order given.
   */
  saveMany(drafts: readonly { leadId: number; composed: ComposedDraft }[]): number[] {
    return this.db.transaction(() => drafts.map(({ leadId, composed }) => this.write(leadId, composed)))();
  }

  /** Records on each lead's timeline why it got no draft, so the reason is shown where the lead is. */
  recordHeldBack(held: readonly HeldBackLead[]): void {
    this.db.transaction(() =>
      held.forEach(({ leadId, reason }) => this.activity(leadId, 'draft_held_back', { reason })),
    )();
  }

  private write(leadId: number, composed: ComposedDraft): number {
    const existing = this.sql<Pick<DraftRow, 'id' | 'subject' | 'body'>>(
      'SELECT id, subject, body FROM drafts WHERE lead_id = ?',
    ).get(leadId);
    const facts = JSON.stringify(composed.facts);
    const lint = JSON.stringify(composed.lint);
    const fallback = composed.llmFallback ?? null;
    let id: number;
    if (existing) {
      this.keepRevision(existing, 'regenerate');
      this.sql(
        `UPDATE drafts SET subject = ?, body = ?, status = 'draft', generator = ?, template = ?, llm_fallback = ?, facts = ?, lint = ?, updated_at = ? WHERE id = ?`,
      ).run(
        composed.subject,
        composed.body,
        composed.generator,
        composed.template,
        fallback,
        facts,
        lint,
        now(),
        existing.id,
      );
      id = existing.id;
    } else {
      id = Number(
        this.sql(
          'INSERT INTO drafts (lead_id, subject, body, generator, template, llm_fallback, facts, lint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(leadId, composed.subject, composed.body, composed.generator, composed.template, fallback, facts, lint)
          .lastInsertRowid,
      );
    }
    this.activity(leadId, existing ? 'draft_regenerated' : 'drafted', {
      draftId: id,
      generator: composed.generator,
      template: composed.template,
      facts: composed.facts.map((f) => f.id),
      ...(composed.llmFallback && { llmFallback: composed.llmFallback }),
    });
    return id;
  }

  /** Which of these leads already have a draft (without reading the drafts). */
  leadsWithDrafts(leadIds: readonly number[]): Set<number> {
    return new Set(
      this.sql<{ lead_id: number }>('SELECT lead_id FROM drafts WHERE lead_id IN (SELECT value FROM json_each(?))')
        .all(JSON.stringify(leadIds))
        .map((r) => r.lead_id),
    );
  }

  get(id: number): Draft {
    const row = this.sql<DraftRow>(`${SELECT} WHERE d.id = ?`).get(id);
    if (!row) throw new UserFacingError('draft_not_found', `No draft with id ${id}.`);
    return toDraft(row);
  }

  list(filter: DraftListFilter = {}): Draft[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status) {
      where.push('d.status = ?');
      params.push(filter.status);
    }
    if (filter.importId !== undefined) {
      where.push('l.import_id = ?');
      params.push(filter.importId);
    }
    if (filter.leadIds) {
      where.push(`d.lead_id IN (SELECT value FROM json_each(?))`);
      params.push(JSON.stringify(filter.leadIds));
    }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id LIMIT ? OFFSET ?`;
    return this.sql<DraftRow>(sql)
      .all(...params, filter.limit ?? -1, filter.offset ?? 0)
      .map(toDraft);
  }

  countByStatus(): Record<DraftStatus, number> {
    const counts: Record<DraftStatus, number> = { draft: 0, approved: 0, rejected: 0, copied: 0 };
    for (const row of this.sql<{ status: DraftStatus; n: number }>(
      'SELECT status, COUNT(*) AS n FROM drafts GROUP BY status',
    ).all())
      counts[row.status] = row.n;
    return counts;
  }

  /** The analyst's edit: the previous words become a revision and the draft needs approving again. */
  edit(id: number, words: { subject: string; body: string }, lint: ComposedDraft['lint']): Draft {
    this.db.transaction(() => {
      const row = this.row(id);
      this.keepRevision(row, 'edit');
      this.sql(`UPDATE drafts SET subject = ?, body = ?, lint = ?, status = 'draft', updated_at = ? WHERE id = ?`).run(
        words.subject,
        words.body,
        JSON.stringify(lint),
        now(),
        id,
      );
      this.activity(row.lead_id, 'draft_edited', { draftId: id });
    })();
    return this.get(id);
  }

  setStatus(ids: readonly number[], status: Exclude<DraftStatus, 'draft'>): Draft[] {
    this.db.transaction(() => {
      for (const id of ids) {
        const row = this.row(id);
        if (!ALLOWED_FROM[status].includes(row.status)) {
          throw new UserFacingError(
            'invalid_transition',
            `Draft ${id} is ${row.status}; only a draft that is ${ALLOWED_FROM[status].join(' or ')} can become ${status}.`,
          );
        }
        if (row.status === status) continue;
        this.sql('UPDATE drafts SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
        this.activity(row.lead_id, ACTIVITY[status], { draftId: id });
      }
    })();
    return ids.map((id) => this.get(id));
  }

  /** Records that drafts left the app (exported), on each lead. */
  recordExport(ids: readonly number[], format: string): void {
    this.db.transaction(() => {
      for (const id of ids) this.activity(this.row(id).lead_id, 'draft_exported', { draftId: id, format });
    })();
  }

  revisions(id: number): { subject: string; body: string; reason: string; createdAt: string }[] {
    return this.sql<{ subject: string; body: string; reason: string; created_at: string }>(
      'SELECT subject, body, reason, created_at FROM draft_revisions WHERE draft_id = ? ORDER BY id',
    )
      .all(id)
      .map((r) => ({ subject: r.subject, body: r.body, reason: r.reason, createdAt: r.created_at }));
  }

  /** What the stored sources say of each URL a draft cites (title, date), in the order given; unknown URLs stay bare. */
  sources(urls: readonly string[]): DraftSource[] {
    const source = this.sql<DraftSource>(
      'SELECT url, title, published_date AS publishedDate FROM sources WHERE url = ?',
    );
    return urls.map((url) => source.get(url) ?? { url, title: null, publishedDate: null });
  }

  private row(id: number): DraftRow {
    const row = this.sql<DraftRow>('SELECT * FROM drafts WHERE id = ?').get(id);
    if (!row) throw new UserFacingError('draft_not_found', `No draft with id ${id}.`);
    return row;
  }

  private keepRevision(row: Pick<DraftRow, 'id' | 'subject' | 'body'>, reason: 'edit' | 'regenerate'): void {
    this.sql('INSERT INTO draft_revisions (draft_id, subject, body, reason) VALUES (?, ?, ?, ?)').run(
      row.id,
      row.subject,
      row.body,
      reason,
    );
  }

  private activity(leadId: number, kind: string, detail: Record<string, unknown>): void {
    this.sql('INSERT INTO lead_activities (lead_id, kind, detail) VALUES (?, ?, ?)').run(
      leadId,
      kind,
      JSON.stringify(detail),
    );
  }
}

function toDraft(row: DraftRow): Draft {
  return {
    id: row.id,
    leadId: row.lead_id,
    to: row.email,
    toName: row.full_name || [row.first_name, row.last_name].filter(Boolean).join(' '),
    company: row.company_name ?? '',
    leadSource: row.lead_source,
    subject: row.subject,
    body: row.body,
    status: row.status,
    generator: row.generator,
    template: row.template,
    llmFallback: row.llm_fallback,
    facts: z.array(draftFactSchema).parse(JSON.parse(row.facts)),
    lint: z.array(lintWarningSchema).parse(JSON.parse(row.lint)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function now(): string {
  return new Date().toISOString();
}
