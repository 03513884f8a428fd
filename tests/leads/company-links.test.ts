import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/core/leads/import/run-import';
import { companyKey, domainFromEmail, domainFromWebsite } from '../../src/core/leads/normalise/keys';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';

interface Row {
  company: string;
  website: string;
  emailDomain: string;
}

interface Company {
  name: string;
  domain: string | null;
}

// Small pools, so that domains and company keys collide across rows in every order ("ACME" and "Acme Inc"
// share a key; "!!!" has an empty key and never matches by key).
const row = fc.record({
  company: fc.constantFrom('', 'Acme Inc', 'ACME', 'Globex', 'Beta', 'Gamma LLC', '!!!'),
  website: fc.constantFrom('', 'acme.com', 'https://www.globex.com', 'beta.io', 'gamma.org'),
  emailDomain: fc.constantFrom('gmail.com', 'acme.com', 'globex.com', 'beta.io'),
});

let fileCount = 0;
function writeFile(rows: Row[], offset: number): string {
  const lines = [['Email', 'First Name', 'Company', 'Website']].concat(
    rows.map((r, i) => [`p${offset + i}@${r.emailDomain}`, 'Pat', r.company, r.website]),
  );
  const file = path.join(tempDir(), `companies-${(fileCount += 1)}.csv`);
  fs.writeFileSync(file, Papa.unparse(lines));
  return file;
}

/** The reference: rows read one by one, each looking up the companies stored so far (domain, then oldest by key). */
function linkOneByOne(rows: Row[], offset: number, companies: Array<Company & { key: string }>): Array<Company | null> {
  return rows.map((r, i) => {
    const domain =
      (r.website && domainFromWebsite(r.website)) || domainFromEmail(`p${offset + i}@${r.emailDomain}`) || null;
    const key = r.company ? companyKey(r.company) : '';
    if (!r.company && !domain) return null;
    const found =
      (domain && companies.find((c) => c.domain === domain)) || (key && companies.find((c) => c.key === key));
    if (found) return { name: found.name, domain: found.domain };
    if (!r.company) return null;
    companies.push({ name: r.company, key, domain });
    return { name: r.company, domain };
  });
}

describe('company links of imported rows', () => {
  it('are those of reading the file row by row, against stored companies and those earlier rows created', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 8 }),
        fc.array(row, { minLength: 1, maxLength: 30 }),
        async (stored, incoming) => {
          const services = testServices();
          try {
            const companies: Array<Company & { key: string }> = [];
            linkOneByOne(stored, 0, companies);
            const expected = linkOneByOne(incoming, 1000, companies);
            if (stored.length > 0) await runImport(services.db, { file: writeFile(stored, 0), phoneRegion: 'US' });
            const summary = await runImport(services.db, { file: writeFile(incoming, 1000), phoneRegion: 'US' });
            expect(summary.imported).toBe(incoming.length);
            const linked = services.db
              .prepare(
                `SELECT co.name, co.domain, l.company_id = c.company_id OR (l.company_id IS NULL AND c.company_id IS NULL) AS same
               FROM leads l JOIN contacts c ON c.id = l.contact_id LEFT JOIN companies co ON co.id = l.company_id
               WHERE l.import_id = ? ORDER BY l.row_number`,
              )
              .all(summary.importId) as Array<{ name: string | null; domain: string | null; same: number }>;
            expect(linked.map((l) => (l.name === null ? null : { name: l.name, domain: l.domain }))).toEqual(expected);
            expect(linked.every((l) => l.same === 1)).toBe(true);
            const created = services.db.prepare('SELECT name, domain FROM companies ORDER BY id').all();
            expect(created).toEqual(companies.map(({ name, domain }) => ({ name, domain })));
          } finally {
            services.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
