import type { Migration } from '../migrate';

/**
 * Outreach templates (built-ins are seeded by the template store, so a newer build can add more without a
 * migration; the analyst's edits are never overwritten) and persisted enrichment batches, so a batch
 * resumes after a restart or a crash without looking up a finished company again.
 */
export const outreachAndEnrichment: Migration = {
  version: 3,
  name: 'outreach templates and enrichment batches',
  up: (db) =>
    db.exec(`
      CREATE TABLE outreach_templates (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        description  TEXT NOT NULL DEFAULT '',
        subject      TEXT NOT NULL,
        body         TEXT NOT NULL,
        builtin      INTEGER NOT NULL DEFAULT 0,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );

      CREATE TABLE enrichment_batches (
        id           INTEGER PRIMARY KEY,
        import_id    INTEGER REFERENCES imports(id) ON DELETE SET NULL,
        workflow     TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('pending','running','completed','partial','cancelled')),
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        finished_at  TEXT
      );
      CREATE INDEX enrichment_batches_import ON enrichment_batches(import_id);

      CREATE TABLE enrichment_items (
        id            INTEGER PRIMARY KEY,
        batch_id      INTEGER NOT NULL REFERENCES enrichment_batches(id) ON DELETE CASCADE,
        company_key   TEXT NOT NULL,
        company_name  TEXT NOT NULL,
        domain        TEXT,
        status        TEXT NOT NULL CHECK (status IN ('pending','done','failed')),
        company_id    INTEGER REFERENCES companies(id) ON DELETE SET NULL,
        run_id        INTEGER REFERENCES intel_runs(id) ON DELETE SET NULL,
        error         TEXT,
        attempts      INTEGER NOT NULL DEFAULT 0,
        finished_at   TEXT,
        UNIQUE (batch_id, company_key)
      );
      CREATE INDEX enrichment_items_status ON enrichment_items(batch_id, status);

      CREATE TABLE enrichment_batch_leads (
        batch_id  INTEGER NOT NULL REFERENCES enrichment_batches(id) ON DELETE CASCADE,
        lead_id   INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
        item_id   INTEGER NOT NULL REFERENCES enrichment_items(id) ON DELETE CASCADE,
        PRIMARY KEY (batch_id, lead_id)
      ) WITHOUT ROWID;
      CREATE INDEX enrichment_batch_leads_item ON enrichment_batch_leads(item_id);

      CREATE UNIQUE INDEX drafts_one_per_lead ON drafts(lead_id);
    `),
};
