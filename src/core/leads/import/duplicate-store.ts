import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import type { DuplicatePolicy } from '../fields';
import { CONTACT_COLUMNS, type StagedLead } from './columns';
import { addCustomFields, customFieldsJson, parseCustomFields } from './custom-fields';

interface ContactMatch {
  id: number;
}

/**
 * The row-by-row part of an import's writes, inside its transaction: the duplicates of the `update` and
 * `merge` policies. A row matching a known contact (same email; without email, same name and company key)
 * that is not its first row in the file is a duplicate: `update` overwrites the contact with the row's
 * non-empty values; `merge` only fills the contact's empty fields. Both then give the contact this import's
 * lead (a contact has one lead per import), so nothing of the row is lost. New contacts are written
 * set-based by `ImportStaging` (its SQL in staging-store.ts).
 */
export class DuplicateStore {
  private readonly statements;

  constructor(
    db: Db,
    private readonly importId: number,
    private readonly policy: DuplicatePolicy,
  ) {
    const fill = (column: string, param: string) =>
      policy === 'update' ? `${column} = COALESCE(@${param}, ${column})` : `${column} = COALESCE(${column}, @${param})`;
    this.statements = statements(db, {
      contactByEmail: sql<[string], ContactMatch>('SELECT id FROM contacts WHERE email_key = ?'),
      contactByName: sql<[string, string], ContactMatch>(
        'SELECT id FROM contacts WHERE full_name_key = ? AND company_key = ? AND email_key IS NULL LIMIT 1',
      ),
      updateContact: sql(
        `UPDATE contacts SET ${CONTACT_COLUMNS.map(([c, p]) => fill(c, p)).join(', ')},
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @contactId`,
      ),
      leadOfImport: sql<[number, number], { id: number; customFields: string | null }>(
        'SELECT id, custom_fields AS customFields FROM leads WHERE contact_id = ? AND import_id = ?',
      ),
      insertLead: sql(
        `INSERT INTO leads (contact_id, import_id, company_id, source, status, notes, row_number, custom_fields)
         VALUES (@contactId, @importId, @companyId, @leadSource, @leadStatus, @notes, @rowNumber, @customFieldsJson)`,
      ),
      updateLead: sql(
        `UPDATE leads SET ${fill('source', 'leadSource')}, ${fill('status', 'leadStatus')}, ${fill('notes', 'notes')},
         ${fill('company_id', 'companyId')}, custom_fields = @customFieldsJson, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @leadId`,
      ),
      insertActivity: sql('INSERT INTO lead_activities (lead_id, kind, detail) VALUES (?, ?, ?)'),
    });
  }

  /** Applies an `update` or `merge` duplicate, in file order after the new contacts were written. */
  writeDuplicate(lead: StagedLead): void {
    const existing = lead.emailKey
      ? this.statements.contactByEmail.get(lead.emailKey)
      : this.statements.contactByName.get(lead.fullNameKey ?? '', lead.companyKey ?? '');
    if (!existing) throw new Error(`row ${lead.rowNumber}: staged as a duplicate but no contact matches it`);
    const params = { ...lead, importId: this.importId, contactId: existing.id };
    this.statements.updateContact.run(params);
    const ownLead = this.statements.leadOfImport.get(existing.id, this.importId);
    if (ownLead) {
      const customFields = addCustomFields(parseCustomFields(ownLead.customFields), lead.customFields, this.policy);
      const customFieldsJson = Object.keys(customFields).length > 0 ? JSON.stringify(customFields) : null;
      this.statements.updateLead.run({ ...params, leadId: ownLead.id, customFieldsJson });
      return;
    }
    const leadId = Number(
      this.statements.insertLead.run({ ...params, customFieldsJson: customFieldsJson(lead.customFields, this.policy) })
        .lastInsertRowid,
    );
    const activity = this.policy === 'update' ? 'import_updated_contact' : 'import_merged_contact';
    this.statements.insertActivity.run(
      leadId,
      activity,
      JSON.stringify({ importId: this.importId, row: lead.rowNumber }),
    );
  }
}
