import { z } from 'zod';
import { factSchema, type Fact } from '../../intel/domain';
import type { Db } from '../../store/database';
import { latestFactsRows } from './draft-queries';

const storedFactsSchema = z.array(factSchema);

/**
 * The facts of each company's latest stored report (what `IntelService.latestFacts` returns), for many
 * companies in one query. Drafting thousands of leads reads each company's facts once, and only its
 * facts: not the whole report (sources, sections, changes) parsed and validated again per company.
 * Companies without a stored report are absent from the map.
 */
export function latestFactsByCompany(db: Db, companyIds: readonly number[]): Map<number, Fact[]> {
  const rows = latestFactsRows(db, companyIds);
  return new Map(rows.map((row) => [row.company_id, row.facts ? storedFactsSchema.parse(JSON.parse(row.facts)) : []]));
}
