import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { CompanyIdentity, RecentCompany } from '../intel/domain';
import { normaliseKey } from '../intel/text';

type CompanyMatch = { id: number; aliases: string };

/** A stored company's name, normalised name (`name_key`) and domain. */
export type StoredCompany = { name: string; name_key: string; domain: string | null };

/**
 * The `companies` table, for every feature that names companies: lookups and curated profiles find and
 * record them here, company lists create them (`createImported`), and the lead import links its rows to
 * them set-based in its own transaction (`ImportCompanyLinks` below), all by the same keys: domain,
 * else normalised name; an import's undo removes the companies it created (`removeUnusedCreatedBy`).
 */
export class CompanyStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      byDomain: sql<[string], CompanyMatch>('SELECT id, aliases FROM companies WHERE domain = ?'),
      byNameKey: sql<[string], CompanyMatch>(
        'SELECT id, aliases FROM companies WHERE name_key = ? ORDER BY id LIMIT 1',
      ),
      update: sql(
        'UPDATE companies SET name = ?, name_key = ?, domain = COALESCE(?, domain), aliases = ?, updated_at = ? WHERE id = ?',
      ),
      insert: sql('INSERT INTO companies (name, name_key, domain, aliases) VALUES (?, ?, ?, ?)'),
      insertImported: sql<[string, string, string | null, number]>(
        'INSERT INTO companies (name, name_key, domain, created_by_import_id) VALUES (?, ?, ?, ?)',
      ),
      find: sql<[string, string, string], { id: number; name: string; domain: string | null }>(
        'SELECT c.id, c.name, c.domain FROM companies c WHERE lower(c.domain) = ? OR c.name_key = ? OR EXISTS (SELECT 1 FROM json_each(c.aliases) a WHERE lower(a.value) = ?) ORDER BY c.id LIMIT 1',
      ),
      byIds: sql<[string], StoredCompany>(
        'SELECT name, name_key, domain FROM companies WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
      ),
      removeUnusedCreatedBy: sql<[number]>(
        `DELETE FROM companies WHERE created_by_import_id = ?
         AND NOT EXISTS (SELECT 1 FROM leads WHERE leads.company_id = companies.id)
         AND NOT EXISTS (SELECT 1 FROM contacts WHERE contacts.company_id = companies.id)
         AND NOT EXISTS (SELECT 1 FROM facts WHERE facts.company_id = companies.id)
         AND NOT EXISTS (SELECT 1 FROM company_profiles WHERE company_profiles.company_id = companies.id)
         AND NOT EXISTS (SELECT 1 FROM intel_runs WHERE intel_runs.company_id = companies.id)`,
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
    const existing = this.match(identity.domain, key);
    if (existing) {
      const aliases = [...new Set([...(JSON.parse(existing.aliases) as string[]), ...identity.aliases])];
      this.statements.update.run(
        identity.name,
        key,
        identity.domain,
        JSON.stringify(aliases),
        new Date().toISOString(),
        existing.id,
      );
      return existing.id;
    }
    return Number(
      this.statements.insert.run(identity.name, key, identity.domain, JSON.stringify(identity.aliases)).lastInsertRowid,
    );
  }

  /** A stored company with this domain, else with this name key (the rule lookups and imports share). */
  existingId(domain: string | null, nameKey: string | null): number | undefined {
    return this.match(domain, nameKey)?.id;
  }

  /** A company an import names for the first time; undoing the import removes it unless something uses it. */
  createImported(name: string, nameKey: string, domain: string | null, importId: number): number {
    return Number(this.statements.insertImported.run(name, nameKey, domain, importId).lastInsertRowid);
  }

  /** Removes the companies an import created that nothing uses now (its undo); returns how many. */
  removeUnusedCreatedBy(importId: number): number {
    return this.statements.removeUnusedCreatedBy.run(importId).changes;
  }

  private match(domain: string | null, nameKey: string | null): CompanyMatch | undefined {
    return (
      (domain ? this.statements.byDomain.get(domain) : undefined) ??
      (nameKey !== null ? this.statements.byNameKey.get(nameKey) : undefined)
    );
  }

  /** A stored company by domain, normalised name or alias (case-insensitive); null if unknown. */
  find(nameOrDomain: string): { id: number; name: string; domain: string | null } | null {
    const needle = nameOrDomain.trim().toLowerCase();
    return this.statements.find.get(needle, normaliseKey(nameOrDomain), needle) ?? null;
  }

  /** The stored companies with these ids, in id order; unknown ids are left out. */
  byIds(ids: readonly number[]): StoredCompany[] {
    return this.statements.byIds.all(JSON.stringify(ids));
  }

  /** Companies by their latest lookup, newest first. */
  recent(limit: number): RecentCompany[] {
    return this.statements.recent.all(limit);
  }
}

const UNDECIDED_BATCH = 1000;

/**
 * The lead import's company links, here so that one module owns the `companies` table. Links every row the
 * import staged (`temp.import_rows`: seq, company_name, company_key, domain; see `leads/import/staging.ts`)
 * to its company, creating the companies
 * the file names for the first time, in a few set-based statements instead of two lookups a row. The links
 * go to `temp.import_company_links` (seq → company id, null when the row names no company and its domain
 * is not one; rows with neither have no link row).
 *
 * The result is that of reading the file row by row: a row links to the company with its domain, else to
 * the oldest company with its company key, where "company" means one stored before the import or created
 * by an earlier row of the file (or by the row itself); a row that names a company and finds none creates
 * it (name, key, domain). Rows that create a company ("creators") are decided first, then every row is
 * linked by id: a creator's company gets id `base + seq`, so "created by an earlier row" is `id <= base + seq`.
 * Only new rows are written (INSERT), never staged rows updated: an UPDATE of the wide staging rows
 * journals every page of them (docs/benchmarks.md, "Issue 16: figures moved out of source comments").
 */
const linkStatements = (db: Db) =>
  statements(db, {
    maxId: sql<[], { n: number }>('SELECT coalesce(max(id), 0) AS n FROM companies'),
    createCompanies: sql<[{ base: number; importId: number }]>(
      `INSERT INTO companies (id, name, name_key, domain, created_by_import_id)
       SELECT @base + c.seq, r.company_name, r.company_key, r.domain, @importId
       FROM temp.import_company_creators c JOIN temp.import_rows r ON r.seq = c.seq ORDER BY c.seq`,
    ),
    link: sql<[{ base: number }]>(
      `INSERT INTO temp.import_company_links (seq, company_id)
       SELECT r.seq, coalesce(
         (SELECT id FROM companies c WHERE c.domain = r.domain AND c.id <= @base + r.seq),
         (SELECT id FROM companies c WHERE c.name_key = nullif(r.company_key, '') AND c.id <= @base + r.seq ORDER BY c.id LIMIT 1),
         (SELECT @base + c.seq FROM temp.import_company_creators c WHERE c.seq = r.seq))
       FROM temp.import_rows r WHERE r.company_name IS NOT NULL OR r.domain IS NOT NULL ORDER BY r.seq`,
    ),
    unclaimed: sql<[number, number], { seq: number; domain: string | null; key: string | null }>(
      `SELECT seq, domain, key FROM temp.import_company_candidates c
       WHERE seq > ? AND seq NOT IN temp.import_company_creators
         AND NOT EXISTS (SELECT 1 FROM temp.import_company_claims WHERE value = 'd' || c.domain OR value = 'k' || c.key)
       ORDER BY seq LIMIT ?`,
    ),
    claimed: sql<[string | null, string | null], 1>(
      `SELECT 1 FROM temp.import_company_claims WHERE value = 'd' || ? OR value = 'k' || ?`,
    ),
    claim: sql<[{ domain: string | null; key: string | null }]>(
      `INSERT INTO temp.import_company_claims (value)
       SELECT 'd' || @domain WHERE @domain IS NOT NULL UNION ALL SELECT 'k' || @key WHERE @key IS NOT NULL`,
    ),
    create: sql<[number]>('INSERT INTO temp.import_company_creators (seq) VALUES (?)'),
  });

const LINK_TABLES = [
  'import_company_candidates',
  'import_company_first',
  'import_company_creators',
  'import_company_claims',
];

/**
 * Links the rows an import stages, chunk after chunk (see above). Its temporary tables are made once per
 * import and emptied after each chunk: creating and dropping them for every chunk changed the connection's
 * schema each time, which also made SQLite prepare every statement of the import again.
 */
export class ImportCompanyLinks {
  private readonly linking;

  constructor(
    private readonly db: Db,
    private readonly importId: number,
  ) {
    db.exec(`CREATE TEMP TABLE import_company_candidates (seq INTEGER PRIMARY KEY, domain TEXT, key TEXT);
             CREATE TEMP TABLE import_company_first (value TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;
             CREATE TEMP TABLE import_company_creators (seq INTEGER PRIMARY KEY);
             CREATE TEMP TABLE import_company_claims (value TEXT PRIMARY KEY) WITHOUT ROWID;`);
    // Prepared on first use, after the temporary tables exist.
    this.linking = linkStatements(db);
  }

  /** Links the rows staged now (`temp.import_rows`) into `temp.import_company_links`, creating companies. */
  linkStagedRows(): void {
    try {
      decideCreators(this.db, this.linking);
      const base = this.linking.maxId.get()!.n;
      this.linking.createCompanies.run({ base, importId: this.importId });
      this.linking.link.run({ base });
    } finally {
      this.db.exec(LINK_TABLES.map((table) => `DELETE FROM temp.${table};`).join(' '));
    }
  }

  /** Removes the temporary tables, once the import's last chunk is linked. */
  drop(): void {
    this.db.exec(LINK_TABLES.map((table) => `DROP TABLE temp.${table};`).join(' '));
  }
}

/**
 * Fills `import_company_creators`. Candidates name a company whose domain and key match no stored company;
 * in file order, a candidate creates unless an earlier creator has its domain or key (a "claim").
 * Set-based: the first candidate of both its domain and its key creates; a candidate sharing a domain or
 * key with such a creator does not. What is left (chains such as A+x, A+y, B+y) is decided row by row.
 */
function decideCreators(db: Db, linking: ReturnType<typeof linkStatements>): void {
  // Domains and keys are told apart in the shared tables by a prefix ('d' / 'k').
  db.exec(`
    INSERT INTO temp.import_company_candidates (seq, domain, key)
      SELECT seq, domain, nullif(company_key, '') FROM temp.import_rows r
      WHERE company_name IS NOT NULL
        AND (domain IS NULL OR NOT EXISTS (SELECT 1 FROM companies c WHERE c.domain = r.domain))
        AND (nullif(company_key, '') IS NULL OR NOT EXISTS (SELECT 1 FROM companies c WHERE c.name_key = r.company_key))
      ORDER BY seq;
    INSERT OR IGNORE INTO temp.import_company_first (value, seq)
      SELECT 'd' || domain, seq FROM temp.import_company_candidates WHERE domain IS NOT NULL ORDER BY seq;
    INSERT OR IGNORE INTO temp.import_company_first (value, seq)
      SELECT 'k' || key, seq FROM temp.import_company_candidates WHERE key IS NOT NULL ORDER BY seq;
    INSERT INTO temp.import_company_creators (seq)
      SELECT seq FROM temp.import_company_candidates c
      WHERE (domain IS NULL OR (SELECT seq FROM temp.import_company_first f WHERE f.value = 'd' || c.domain) = c.seq)
        AND (key IS NULL OR (SELECT seq FROM temp.import_company_first f WHERE f.value = 'k' || c.key) = c.seq)
      ORDER BY seq;
    INSERT INTO temp.import_company_claims (value)
      SELECT 'd' || domain FROM temp.import_company_creators JOIN temp.import_company_candidates USING (seq) WHERE domain IS NOT NULL
      UNION ALL SELECT 'k' || key FROM temp.import_company_creators JOIN temp.import_company_candidates USING (seq) WHERE key IS NOT NULL;`);
  // Every claim made so far belongs to a row before any unclaimed row sharing it, so file order decides the rest.
  const { unclaimed, claim, create } = linking;
  const claimed = linking.claimed.pluck();
  // In batches: the connection cannot write while a statement iterates, and memory stays flat.
  for (let after = 0; ;) {
    const batch = unclaimed.all(after, UNDECIDED_BATCH);
    if (batch.length === 0) return;
    for (const { seq, domain, key } of batch) {
      after = seq;
      // Claims made earlier in this batch count too.
      if (claimed.get(domain, key)) continue;
      claim.run({ domain, key });
      create.run(seq);
    }
  }
}
