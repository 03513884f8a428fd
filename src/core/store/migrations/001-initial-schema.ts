import type { Migration } from '../migrate';

/** Timestamps are ISO-8601 UTC text; JSON columns hold validated JSON text. */
const sql = /* sql */ `
CREATE TABLE companies (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_key    TEXT NOT NULL,
  domain      TEXT,
  aliases     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE UNIQUE INDEX companies_domain ON companies(domain) WHERE domain IS NOT NULL;
CREATE INDEX companies_name_key ON companies(name_key);

CREATE TABLE company_profiles (
  id          INTEGER PRIMARY KEY,
  company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  section     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  note        TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX company_profiles_company ON company_profiles(company_id, section);

CREATE TABLE sources (
  id              INTEGER PRIMARY KEY,
  url             TEXT NOT NULL UNIQUE,
  title           TEXT,
  published_date  TEXT,
  retrieved_at    TEXT NOT NULL,
  provider        TEXT NOT NULL,
  score           REAL,
  snippet         TEXT
);

CREATE TABLE intel_runs (
  id              INTEGER PRIMARY KEY,
  query           TEXT NOT NULL,
  company_id      INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  workflow        TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('running','completed','partial','failed','cancelled')),
  partial         INTEGER NOT NULL DEFAULT 0,
  provider_calls  INTEGER NOT NULL DEFAULT 0,
  cache_hits      INTEGER NOT NULL DEFAULT 0,
  credits         REAL NOT NULL DEFAULT 0,
  report          TEXT CHECK (report IS NULL OR json_valid(report)),
  error           TEXT,
  started_at      TEXT NOT NULL,
  finished_at     TEXT
);
CREATE INDEX intel_runs_company ON intel_runs(company_id, started_at);
CREATE INDEX intel_runs_started ON intel_runs(started_at);

CREATE TABLE intel_steps (
  id              INTEGER PRIMARY KEY,
  run_id          INTEGER NOT NULL REFERENCES intel_runs(id) ON DELETE CASCADE,
  component       TEXT NOT NULL,
  status          TEXT NOT NULL CHECK (status IN ('pending','running','completed','failed','skipped','cancelled')),
  provider_calls  INTEGER NOT NULL DEFAULT 0,
  cache_hits      INTEGER NOT NULL DEFAULT 0,
  credits         REAL NOT NULL DEFAULT 0,
  error           TEXT CHECK (error IS NULL OR json_valid(error)),
  skipped_reason  TEXT,
  started_at      TEXT,
  finished_at     TEXT,
  duration_ms     INTEGER
);
CREATE INDEX intel_steps_run ON intel_steps(run_id);

CREATE TABLE facts (
  id          INTEGER PRIMARY KEY,
  company_id  INTEGER NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  run_id      INTEGER REFERENCES intel_runs(id) ON DELETE SET NULL,
  section     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  value       TEXT NOT NULL CHECK (json_valid(value)),
  source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  evidence    TEXT NOT NULL,
  confidence  REAL NOT NULL DEFAULT 0.5 CHECK (confidence BETWEEN 0 AND 1),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX facts_company_section ON facts(company_id, section);
CREATE INDEX facts_run ON facts(run_id);
CREATE INDEX facts_source ON facts(source_id);

CREATE TABLE request_cache (
  key         TEXT PRIMARY KEY,
  provider    TEXT NOT NULL,
  endpoint    TEXT NOT NULL,
  section     TEXT NOT NULL,
  request     TEXT NOT NULL CHECK (json_valid(request)),
  response    TEXT NOT NULL CHECK (json_valid(response)),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX request_cache_expires ON request_cache(expires_at);

CREATE TABLE imports (
  id                INTEGER PRIMARY KEY,
  file_name         TEXT NOT NULL,
  file_sha256       TEXT NOT NULL,
  file_size         INTEGER NOT NULL,
  sheet             TEXT,
  header_signature  TEXT,
  mapping           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
  on_duplicate      TEXT NOT NULL DEFAULT 'skip' CHECK (on_duplicate IN ('skip','update','merge')),
  rows_total        INTEGER NOT NULL DEFAULT 0,
  imported          INTEGER NOT NULL DEFAULT 0,
  duplicates        INTEGER NOT NULL DEFAULT 0,
  rejected          INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL CHECK (status IN ('running','completed','failed','cancelled','undone')),
  error             TEXT,
  started_at        TEXT NOT NULL,
  finished_at       TEXT
);
CREATE INDEX imports_sha ON imports(file_sha256);

CREATE TABLE import_errors (
  id           INTEGER PRIMARY KEY,
  import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
  row_number   INTEGER NOT NULL,
  column_name  TEXT,
  field        TEXT,
  message      TEXT NOT NULL,
  raw          TEXT NOT NULL CHECK (json_valid(raw))
);
CREATE INDEX import_errors_import ON import_errors(import_id, row_number);

CREATE TABLE contacts (
  id                    INTEGER PRIMARY KEY,
  first_name            TEXT,
  last_name             TEXT,
  full_name             TEXT,
  full_name_key         TEXT,
  email                 TEXT,
  email_key             TEXT,
  phone                 TEXT,
  phone_raw             TEXT,
  title                 TEXT,
  company_name          TEXT,
  company_key           TEXT,
  company_id            INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  domain                TEXT,
  website               TEXT,
  linkedin_url          TEXT,
  city                  TEXT,
  state                 TEXT,
  country               TEXT,
  created_by_import_id  INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE UNIQUE INDEX contacts_email_key ON contacts(email_key) WHERE email_key IS NOT NULL;
CREATE INDEX contacts_name_company ON contacts(full_name_key, company_key) WHERE email_key IS NULL;
CREATE INDEX contacts_company ON contacts(company_id);
CREATE INDEX contacts_created_by_import ON contacts(created_by_import_id);

CREATE TABLE leads (
  id             INTEGER PRIMARY KEY,
  contact_id     INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
  import_id      INTEGER REFERENCES imports(id) ON DELETE CASCADE,
  company_id     INTEGER REFERENCES companies(id) ON DELETE SET NULL,
  source         TEXT,
  status         TEXT,
  priority       TEXT,
  score          REAL,
  qualification  TEXT,
  notes          TEXT,
  row_number     INTEGER,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX leads_contact ON leads(contact_id);
CREATE INDEX leads_import ON leads(import_id);
CREATE INDEX leads_company ON leads(company_id);
CREATE INDEX leads_created ON leads(created_at);

CREATE TABLE lead_custom_fields (
  lead_id  INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  name     TEXT NOT NULL,
  value    TEXT,
  PRIMARY KEY (lead_id, name)
) WITHOUT ROWID;

CREATE TABLE lead_activities (
  id          INTEGER PRIMARY KEY,
  lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX lead_activities_lead ON lead_activities(lead_id, created_at);

CREATE TABLE drafts (
  id          INTEGER PRIMARY KEY,
  lead_id     INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','rejected','copied')),
  generator   TEXT NOT NULL,
  template    TEXT,
  facts       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facts)),
  lint        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(lint)),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX drafts_lead ON drafts(lead_id);
CREATE INDEX drafts_status ON drafts(status, updated_at);

CREATE TABLE draft_revisions (
  id          INTEGER PRIMARY KEY,
  draft_id    INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  subject     TEXT NOT NULL,
  body        TEXT NOT NULL,
  reason      TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX draft_revisions_draft ON draft_revisions(draft_id, created_at);
`;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  up: (db) => db.exec(sql),
};
