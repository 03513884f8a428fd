import { createHash } from 'node:crypto';
import type { Db } from '../../store/database';
import { sql, statements } from '../../store/statements';
import { columnMappingSchema, REJECTED_EXPORT_COLUMNS, type ColumnMapping } from '../fields';
import { normaliseHeader } from './synonyms';

const EXPORT_COLUMNS = new Set<string>(Object.values(REJECTED_EXPORT_COLUMNS));

/**
 * Identifies a file layout by its column names (normalised, in order), leaving out the columns our
 * rejected-rows export adds, so a fixed export of rejected rows finds the mapping of its original file.
 */
export function headerSignature(headers: readonly string[]): string {
  const names = headers.filter((header) => !EXPORT_COLUMNS.has(header)).map(normaliseHeader);
  return createHash('sha256').update(JSON.stringify(names)).digest('hex');
}

const mappingStatements = (db: Db) =>
  statements(db, {
    bySignature: sql<[string], { mapping: string }>('SELECT mapping FROM import_mappings WHERE header_signature = ?'),
    remember: sql<[string, string, string]>(
      `INSERT INTO import_mappings (header_signature, headers, mapping) VALUES (?, ?, ?)
       ON CONFLICT (header_signature) DO UPDATE SET headers = excluded.headers, mapping = excluded.mapping,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`,
    ),
  });

export function rememberedMapping(db: Db, signature: string): ColumnMapping | undefined {
  const row = mappingStatements(db).bySignature.get(signature);
  if (!row) return undefined;
  const parsed = columnMappingSchema.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : undefined;
}

export function rememberMapping(db: Db, signature: string, headers: readonly string[], mapping: ColumnMapping): void {
  mappingStatements(db).remember.run(signature, JSON.stringify(headers), JSON.stringify(mapping));
}
