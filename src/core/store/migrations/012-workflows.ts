import type { Migration } from '../migrate';

/**
 * Analysts' own workflows, as validated JSON definitions by name. A table rather than the settings file:
 * watches and plans name a workflow, and the app and the command line add them side by side (the settings
 * file is rewritten whole by each process; rows are not).
 */
export const workflows: Migration = {
  version: 12,
  name: 'workflows',
  up: (db) =>
    db.exec(`
      CREATE TABLE workflows (
        name TEXT PRIMARY KEY,
        definition TEXT NOT NULL, -- JSON, workflowDefinitionSchema
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
    `),
};
