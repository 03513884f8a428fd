import { z } from 'zod';
import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import { UserFacingError } from '../../errors';
import { BUILTIN_TEMPLATES, type TemplateDefinition } from './builtin-templates';
import { unknownPlaceholders } from './template-renderer';

export const templateInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'the name is empty')
    .max(60)
    .regex(/^[\w .-]+$/, 'use letters, digits, spaces, dots, dashes or underscores'),
  description: z.string().max(500).default(''),
  subject: z.string().min(1, 'the subject is empty').max(500),
  body: z.string().min(1, 'the body is empty').max(20_000),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

export const storedTemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  subject: z.string(),
  body: z.string(),
  builtin: z.boolean(),
  updatedAt: z.string(),
});
export type StoredTemplate = z.infer<typeof storedTemplateSchema>;

interface TemplateRow {
  id: number;
  name: string;
  description: string;
  subject: string;
  body: string;
  builtin: number;
  updated_at: string;
}

/**
 * Outreach templates in the database. The built-ins are added when missing and never overwrite the
 * analyst's edits; every saved template is checked so an unknown placeholder is caught when it is typed.
 */
export class TemplateStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = statements(db, {
      insertBuiltin: sql<[string, string, string, string]>(
        'INSERT OR IGNORE INTO outreach_templates (name, description, subject, body, builtin) VALUES (?, ?, ?, ?, 1)',
      ),
      // A built-in nobody edited (an edit moves updated_at) takes this version's words, so a database made
      // by an earlier version does not keep writing drafts that the current lint flags.
      refreshBuiltin: sql<[string, string, string, string]>(
        'UPDATE outreach_templates SET description = ?, subject = ?, body = ? WHERE name = ? AND builtin = 1 AND updated_at = created_at',
      ),
      all: sql<[], TemplateRow>('SELECT * FROM outreach_templates ORDER BY builtin DESC, name'),
      byName: sql<[string], TemplateRow>('SELECT * FROM outreach_templates WHERE name = ?'),
      exists: sql<[string], 1>('SELECT 1 FROM outreach_templates WHERE name = ?'),
      insert: sql<[string, string, string, string]>(
        'INSERT INTO outreach_templates (name, description, subject, body) VALUES (?, ?, ?, ?)',
      ),
      update: sql<[string, string, string, string, number]>(
        `UPDATE outreach_templates SET name = ?, description = ?, subject = ?, body = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?`,
      ),
      remove: sql<[number]>('DELETE FROM outreach_templates WHERE id = ?'),
    });
    const { insertBuiltin, refreshBuiltin } = this.statements;
    db.transaction(() => {
      for (const t of BUILTIN_TEMPLATES) {
        insertBuiltin.run(t.name, t.description, t.subject, t.body);
        refreshBuiltin.run(t.description, t.subject, t.body, t.name);
      }
    })();
  }

  list(): StoredTemplate[] {
    return this.statements.all.all().map(toTemplate);
  }

  get(name: string): StoredTemplate {
    const row = this.statements.byName.get(name);
    if (!row)
      throw new UserFacingError(
        'template_not_found',
        `No template named "${name}". Templates: ${this.list()
          .map((t) => t.name)
          .join(', ')}.`,
      );
    return toTemplate(row);
  }

  create(input: TemplateInput): StoredTemplate {
    const template = validate(input);
    if (this.statements.exists.get(template.name)) {
      throw new UserFacingError('template_exists', `A template named "${template.name}" already exists.`);
    }
    this.statements.insert.run(template.name, template.description, template.subject, template.body);
    return this.get(template.name);
  }

  /** Saves new words for a template (a built-in too: the analyst's version then wins). */
  update(name: string, input: TemplateInput): StoredTemplate {
    const existing = this.get(name);
    const template = validate(input);
    if (template.name !== name && this.statements.exists.get(template.name)) {
      throw new UserFacingError('template_exists', `A template named "${template.name}" already exists.`);
    }
    this.statements.update.run(template.name, template.description, template.subject, template.body, existing.id);
    return this.get(template.name);
  }

  /** Deletes a template; a built-in comes back in its original words the next time the store opens. */
  delete(name: string): void {
    this.statements.remove.run(this.get(name).id);
  }
}

function validate(input: TemplateInput): TemplateDefinition {
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new UserFacingError(
      'invalid_template',
      `Invalid template: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`,
    );
  }
  for (const field of ['subject', 'body'] as const) {
    let unknown;
    try {
      unknown = unknownPlaceholders(parsed.data[field]);
    } catch (error) {
      throw new UserFacingError(
        'invalid_template',
        `Template ${field}: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    if (unknown.length > 0) {
      throw new UserFacingError(
        'invalid_template',
        `Template ${field} uses unknown placeholders: ${unknown.map((u) => `${u.tag} (line ${u.line})`).join(', ')}. Known: greeting, lead.*, sender.*, role.*, whyNow.*, about.*.`,
      );
    }
  }
  return parsed.data;
}

function toTemplate(row: TemplateRow): StoredTemplate {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    subject: row.subject,
    body: row.body,
    builtin: row.builtin === 1,
    updatedAt: row.updated_at,
  };
}
