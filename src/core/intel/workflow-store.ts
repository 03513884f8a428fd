import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { WorkflowDefinition } from './workflow-definition';

/** The analyst's own workflows (table `workflows`), stored as validated JSON; `WorkflowCatalog` checks them first. */
export class WorkflowStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      all: sql<[], { definition: string }>('SELECT definition FROM workflows ORDER BY name'),
      byName: sql<[string], { definition: string }>('SELECT definition FROM workflows WHERE name = ?'),
      upsert: sql<[string, string]>(
        `INSERT INTO workflows (name, definition) VALUES (?, ?)
         ON CONFLICT(name) DO UPDATE SET definition = excluded.definition, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      ),
      remove: sql<[string]>('DELETE FROM workflows WHERE name = ?'),
    });
  }

  /** By name. */
  all(): WorkflowDefinition[] {
    return this.statements.all.all().map((row) => JSON.parse(row.definition) as WorkflowDefinition);
  }

  get(name: string): WorkflowDefinition | undefined {
    const row = this.statements.byName.get(name);
    return row && (JSON.parse(row.definition) as WorkflowDefinition);
  }

  /** Stores the workflow, replacing one of the same name. */
  save(workflow: WorkflowDefinition): void {
    this.statements.upsert.run(workflow.name, JSON.stringify(workflow));
  }

  remove(name: string): boolean {
    return this.statements.remove.run(name).changes > 0;
  }
}
