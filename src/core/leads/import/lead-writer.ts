import type { Db } from '../../store/database';
import type { DuplicatePolicy } from '../fields';
import type { LeadRecord } from '../normalise/row';

export type WriteOutcome = 'imported' | 'duplicate';

/** Rows of one company tend to come together; remembering recent company ids saves two lookups a row. */
const COMPANY_CACHE_SIZE = 10_000;

interface ContactMatch {
  id: number;
}

/**
 * Writes one import's leads inside the import's transaction. A row matching a known contact (same email;
 * without email, same name and company key), whether from the database or earlier in the file, is a
 * duplicate: `skip` leaves it; `update` overwrites the contact with the row's non-empty values; `merge`
 * only fills the contact's empty fields. Both then give the contact this import's lead (a contact has one
 * lead per import), so nothing of the row is lost.
 */
export class LeadWriter {
  private readonly statements;
  private readonly companyIds = new Map<string, number | null>();

  constructor(
    private readonly db: Db,
    private readonly importId: number,
    private readonly policy: DuplicatePolicy,
  ) {
    const fill = (column: string, param: string) =>
      policy === 'update' ? `${column} = COALESCE(@${param}, ${column})` : `${column} = COALESCE(${column}, @${param})`;
    const contactColumns: Array<[string, string]> = [
      ['first_name', 'firstName'], ['last_name', 'lastName'], ['full_name', 'fullName'], ['full_name_key', 'fullNameKey'],
      ['email', 'email'], ['phone', 'phone'], ['phone_raw', 'phoneRaw'], ['title', 'title'], ['company_name', 'company'],
      ['company_key', 'companyKey'], ['company_id', 'companyId'], ['domain', 'domain'], ['website', 'website'],
      ['linkedin_url', 'linkedinUrl'], ['city', 'city'], ['state', 'state'], ['country', 'country'],
    ];
    this.statements = {
      contactByEmail: db.prepare<[string], ContactMatch>('SELECT id FROM contacts WHERE email_key = ?'),
      contactByName: db.prepare<[string, string], ContactMatch>('SELECT id FROM contacts WHERE full_name_key = ? AND company_key = ? AND email_key IS NULL LIMIT 1'),
      companyByDomain: db.prepare<[string], { id: number }>('SELECT id FROM companies WHERE domain = ?'),
      companyByKey: db.prepare<[string], { id: number }>('SELECT id FROM companies WHERE name_key = ? ORDER BY id LIMIT 1'),
      insertCompany: db.prepare('INSERT INTO companies (name, name_key, domain, created_by_import_id) VALUES (?, ?, ?, ?)'),
      insertContact: db.prepare(
        `INSERT INTO contacts (${contactColumns.map(([c]) => c).join(', ')}, email_key, created_by_import_id)
         VALUES (${contactColumns.map(([, p]) => `@${p}`).join(', ')}, @emailKey, @importId)`,
      ),
      updateContact: db.prepare(
        `UPDATE contacts SET ${contactColumns.map(([c, p]) => fill(c, p)).join(', ')},
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @contactId`,
      ),
      leadOfImport: db.prepare<[number, number], { id: number }>('SELECT id FROM leads WHERE contact_id = ? AND import_id = ?'),
      insertLead: db.prepare(
        `INSERT INTO leads (contact_id, import_id, company_id, source, status, notes, row_number)
         VALUES (@contactId, @importId, @companyId, @leadSource, @leadStatus, @notes, @rowNumber)`,
      ),
      updateLead: db.prepare(
        `UPDATE leads SET ${fill('source', 'leadSource')}, ${fill('status', 'leadStatus')}, ${fill('notes', 'notes')},
         ${fill('company_id', 'companyId')}, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = @leadId`,
      ),
      insertCustomField: db.prepare(
        `INSERT INTO lead_custom_fields (lead_id, name, value) VALUES (?, ?, ?)
         ON CONFLICT (lead_id, name) DO ${policy === 'update' ? 'UPDATE SET value = excluded.value' : 'NOTHING'}`,
      ),
      insertActivity: db.prepare('INSERT INTO lead_activities (lead_id, kind, detail) VALUES (?, ?, ?)'),
    };
  }

  write(lead: LeadRecord): WriteOutcome {
    const existing = lead.emailKey
      ? this.statements.contactByEmail.get(lead.emailKey)
      : this.statements.contactByName.get(lead.fullNameKey ?? '', lead.companyKey ?? '');
    const companyId = this.companyFor(lead);
    const params = { ...lead, companyId, importId: this.importId };
    if (!existing) {
      const contactId = Number(this.statements.insertContact.run(params).lastInsertRowid);
      this.addLead(contactId, params, 'imported');
      return 'imported';
    }
    if (this.policy === 'skip') return 'duplicate';
    this.statements.updateContact.run({ ...params, contactId: existing.id });
    const ownLead = this.statements.leadOfImport.get(existing.id, this.importId);
    if (ownLead) {
      this.statements.updateLead.run({ ...params, leadId: ownLead.id });
      this.addCustomFields(ownLead.id, lead);
    } else {
      this.addLead(existing.id, params, this.policy === 'update' ? 'import_updated_contact' : 'import_merged_contact');
    }
    return 'duplicate';
  }

  private addLead(contactId: number, params: LeadRecord & { companyId: number | null; importId: number }, activity: string): void {
    const leadId = Number(this.statements.insertLead.run({ ...params, contactId }).lastInsertRowid);
    this.addCustomFields(leadId, params);
    this.statements.insertActivity.run(leadId, activity, JSON.stringify({ importId: this.importId, row: params.rowNumber }));
  }

  private addCustomFields(leadId: number, lead: LeadRecord): void {
    for (const [name, value] of lead.customFields) this.statements.insertCustomField.run(leadId, name, value);
  }

  /** The company row the lead links to: found by domain, else by company key; created (and owned by this import) when the row names a new company. */
  private companyFor(lead: LeadRecord): number | null {
    if (!lead.company && !lead.domain) return null;
    const cacheKey = `${lead.domain ?? ''}\u0000${lead.companyKey ?? ''}`;
    const cached = this.companyIds.get(cacheKey);
    if (cached !== undefined) return cached;
    const found = (lead.domain && this.statements.companyByDomain.get(lead.domain)) || (lead.companyKey && this.statements.companyByKey.get(lead.companyKey));
    const id = found ? found.id : lead.company ? Number(this.statements.insertCompany.run(lead.company, lead.companyKey, lead.domain, this.importId).lastInsertRowid) : null;
    // Bounded, so memory stays flat however many companies a file names.
    if (this.companyIds.size >= COMPANY_CACHE_SIZE) this.companyIds.clear();
    this.companyIds.set(cacheKey, id);
    return id;
  }
}
