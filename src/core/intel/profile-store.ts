import type { Db } from '../store/database';
import { sql, statements } from '../store/statements';
import type { ProfileEntry } from './domain';
import { normaliseKey } from './text';

interface ProfileRow {
  id: number;
  company_id: number;
  section: string;
  kind: ProfileEntry['kind'];
  value: string;
  note: string | null;
  curator: string;
  updated_at: string;
}

function toEntry(row: ProfileRow): ProfileEntry {
  const value = JSON.parse(row.value) as { name?: string; title?: string; value?: string };
  return {
    id: row.id,
    companyId: row.company_id,
    kind: row.kind,
    value: (row.kind === 'executive' ? value.name : value.value) ?? '',
    title: row.kind === 'executive' ? (value.title ?? null) : null,
    note: row.note,
    curator: row.curator,
    updatedAt: row.updated_at,
  };
}

/** An entry as stored: an executive has a title, an overview field none. */
export interface StoredEntry {
  kind: ProfileEntry['kind'];
  value: string;
  title: string | null;
  note: string | null;
  curator: string;
}

const sectionOf = (entry: StoredEntry) => (entry.kind === 'executive' ? 'executives' : 'overview');
const valueOf = (entry: StoredEntry) =>
  JSON.stringify(entry.kind === 'executive' ? { name: entry.value, title: entry.title } : { value: entry.value });

/** Analyst-curated company profiles (`company_profiles`): one entry per executive (by name) or overview field. */
export class ProfileStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = statements(db, {
      list: sql<[number], ProfileRow>('SELECT * FROM company_profiles WHERE company_id = ? ORDER BY id'),
      byId: sql<[number], ProfileRow>('SELECT * FROM company_profiles WHERE id = ?'),
      update: sql<[string, string | null, string, string, number]>(
        'UPDATE company_profiles SET value = ?, note = ?, curator = ?, updated_at = ? WHERE id = ?',
      ),
      insert: sql<[number, string, ProfileEntry['kind'], string, string | null, string, string, string], ProfileRow>(
        'INSERT INTO company_profiles (company_id, section, kind, value, note, curator, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *',
      ),
      change: sql<[string, ProfileEntry['kind'], string, string | null, string, string, number]>(
        'UPDATE company_profiles SET section = ?, kind = ?, value = ?, note = ?, curator = ?, updated_at = ? WHERE id = ?',
      ),
      remove: sql<[number]>('DELETE FROM company_profiles WHERE id = ?'),
    });
  }

  list(companyId: number): ProfileEntry[] {
    return this.statements.list.all(companyId).map(toEntry);
  }

  get(id: number): ProfileEntry | null {
    const row = this.statements.byId.get(id);
    return row ? toEntry(row) : null;
  }

  /** The company's entry for the same executive (by name) or overview field as `entry`, if any. */
  same(companyId: number, entry: Pick<ProfileEntry, 'kind' | 'value'>): ProfileEntry | undefined {
    return this.list(companyId).find(
      (e) =>
        e.kind === entry.kind && (entry.kind !== 'executive' || normaliseKey(e.value) === normaliseKey(entry.value)),
    );
  }

  /** Adds an entry, replacing the company's entry for the same executive or overview field. */
  put(companyId: number, entry: StoredEntry): ProfileEntry {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      const same = this.same(companyId, entry);
      if (same) {
        this.statements.update.run(valueOf(entry), entry.note, entry.curator, now, same.id);
        return toEntry(this.statements.byId.get(same.id)!);
      }
      return toEntry(
        this.statements.insert.get(
          companyId,
          sectionOf(entry),
          entry.kind,
          valueOf(entry),
          entry.note,
          entry.curator,
          now,
          now,
        )!,
      );
    })();
  }

  /** Rewrites one entry (its kind, value, title, note and curator); false when there was none with that id. */
  change(id: number, entry: StoredEntry): boolean {
    const now = new Date().toISOString();
    return (
      this.statements.change.run(sectionOf(entry), entry.kind, valueOf(entry), entry.note, entry.curator, now, id)
        .changes > 0
    );
  }

  remove(id: number): boolean {
    return this.statements.remove.run(id).changes > 0;
  }
}
