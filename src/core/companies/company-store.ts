import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { CompanyIdentity, RecentCompany } from '../intel/domain';
import { normaliseKey } from '../intel/text';

type CompanyMatch = { id: number; aliases: string };

/**
 * The `companies` table for the features that name companies by what a lookup found: intel (lookups and
 * curated profiles) finds and records companies here. The lead import links rows to companies set-based
 * in its own transaction (`leads/import/company-links.ts`) by the same keys: domain, else normalised name.
 */
export class CompanyStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      byDomain: sql<[string], CompanyMatch>('SELECT id, aliases FROM companies WHERE domain = ?'),
      byNameKey: sql<[string], CompanyMatch>('SELECT id, aliases FROM companies WHERE name_key = ? ORDER BY id LIMIT 1'),
      update: sql('UPDATE companies SET name = ?, name_key = ?, domain = COALESCE(?, domain), aliases = ?, updated_at = ? WHERE id = ?'),
      insert: sql('INSERT INTO companies (name, name_key, domain, aliases) VALUES (?, ?, ?, ?)'),
      find: sql<[string, string, string], { id: number; name: string; domain: string | null }>(
        'SELECT c.id, c.name, c.domain FROM companies c WHERE lower(c.domain) = ? OR c.name_key = ? OR EXISTS (SELECT 1 FROM json_each(c.aliases) a WHERE lower(a.value) = ?) ORDER BY c.id LIMIT 1',
      ),
      recent: sql<[number], RecentCompany>(
        `SELECT c.id AS companyId, c.name, c.domain, MAX(r.id) AS lastRunId, MAX(r.started_at) AS lastLookupAt
         FROM companies c JOIN intel_runs r ON r.company_id = c.id GROUP BY c.id ORDER BY lastRunId DESC LIMIT ?`,
      ),
    });
  }

  /** Finds or creates the company by domain, else by normalised name; records new aliases. */
  upsert(identity: CompanyIdentity): number {
    const key = normaliseKey(identity.name);
    const existing = (identity.domain ? this.statements.byDomain.get(identity.domain) : undefined) ?? this.statements.byNameKey.get(key);
    if (existing) {
      const aliases = [...new Set([...(JSON.parse(existing.aliases) as string[]), ...identity.aliases])];
      this.statements.update.run(identity.name, key, identity.domain, JSON.stringify(aliases), new Date().toISOString(), existing.id);
      return existing.id;
    }
    return Number(this.statements.insert.run(identity.name, key, identity.domain, JSON.stringify(identity.aliases)).lastInsertRowid);
  }

  /** A stored company by domain, normalised name or alias (case-insensitive); null if unknown. */
  find(nameOrDomain: string): { id: number; name: string; domain: string | null } | null {
    const needle = nameOrDomain.trim().toLowerCase();
    return this.statements.find.get(needle, normaliseKey(nameOrDomain), needle) ?? null;
  }

  /** Companies by their latest lookup, newest first. */
  recent(limit: number): RecentCompany[] {
    return this.statements.recent.all(limit);
  }
}
