import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport, type ImportRequest } from '../../src/core/leads/import/run-import';
import type { AppServices } from '../../src/core/services/app-services';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { fixture, writeEncoded } from './support';

function csv(text: string): string {
  return writeEncoded(path.join(tempDir(), `leads-${Math.random().toString(36).slice(2)}.csv`), text, 'utf-8');
}

function importFile(services: AppServices, file: string, options: Partial<ImportRequest> = {}) {
  return runImport(services.db, { file, phoneRegion: 'US', ...options });
}

function count(services: AppServices, table: string): number {
  return (services.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('lead import', () => {
  it('imports a HubSpot export in a worker thread with progress, normalising phones, companies and domains', async () => {
    const services = testServices();
    const progress: unknown[] = [];
    const summary = await services.leads.startImport(
      { file: fixture('hubspot-contacts.csv') },
      { onProgress: (p) => progress.push(p) },
    );
    expect(summary).toMatchObject({ rowsTotal: 3, imported: 3, duplicates: 0, rejected: 0, errors: [] });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toMatchObject({ rows: 3, totalBytes: fs.statSync(fixture('hubspot-contacts.csv')).size });

    const maria = services.db
      .prepare(`SELECT * FROM contacts WHERE email_key = 'maria.garcia@northwind.io'`)
      .get() as Record<string, unknown>;
    expect(maria).toMatchObject({
      phone: '+14155550142',
      phone_raw: '(415) 555-0142',
      company_key: 'northwind traders',
      domain: 'northwind.io',
      full_name: 'Maria Garcia',
    });
    const jonas = services.db
      .prepare(`SELECT phone, domain FROM contacts WHERE email_key = 'jonas.weber@contoso.de'`)
      .get();
    expect(jonas).toEqual({ phone: '+49301234567', domain: 'contoso.de' });
    const lead = services.leads.listLeads({ filter: { search: 'Garcia' } }).rows[0]!;
    const detail = services.leads.getLead(lead.id);
    expect(detail.customFields).toEqual(
      expect.arrayContaining([
        { name: 'Record ID', value: '5101' },
        { name: 'Lifecycle Stage', value: 'lead' },
      ]),
    );
    expect(detail.activities).toEqual([
      expect.objectContaining({ kind: 'imported', detail: { importId: summary.importId, row: 2 } }),
    ]);
    expect(detail.company).toMatchObject({ name: 'Northwind Traders Inc.', domain: 'northwind.io' });
    expect(detail.lead).toMatchObject({ status: 'NEW', source: 'Organic Search', rowNumber: 2 });
  });

  it('rejects rows with their spreadsheet row, column, field and message, storing their raw values', async () => {
    const services = testServices();
    const summary = await importFile(services, fixture('salesforce-leads.csv'));
    expect(summary).toMatchObject({ rowsTotal: 3, imported: 2, rejected: 1 });
    expect(summary.errors).toEqual([
      { row: 4, column: 'Email', field: 'email', message: '"ana@@umbrella" is not a valid email address' },
    ]);
    const stored = services.leads.listRejected(summary.importId!, { offset: 0, limit: 10 });
    expect(stored.total).toBe(1);
    expect(stored.rows[0]).toMatchObject({
      row: 4,
      raw: { 'First Name': 'Ana', Email: 'ana@@umbrella', 'Company / Account': 'Umbrella' },
    });
    const noIdentity = await importFile(services, csv('First Name,Phone\nZed,555\n'));
    expect(noIdentity.errors[0]).toMatchObject({
      row: 2,
      field: 'email',
      message: expect.stringMatching(/no email, and no name together with a company/),
    });
  });

  it('accepts internationalised addresses (RFC 6531) as written, matches them case-blind, and still rejects malformed ones', async () => {
    const services = testServices();
    const valid = [
      'åsa.lindström@firma.example',
      'jürgen.müller@bücher.de',
      'δοκιμή@παράδειγμα.ελ',
      'user@xn--bcher-kva.example',
    ];
    const first = await importFile(services, csv(`Email\n${valid.join('\n')}\n`));
    expect(first).toMatchObject({ rowsTotal: 4, imported: 4, rejected: 0, errors: [] });
    expect(services.db.prepare('SELECT email, email_key AS emailKey FROM contacts WHERE id = 1').get()).toEqual({
      email: 'åsa.lindström@firma.example',
      emailKey: 'åsa.lindström@firma.example',
    });
    // The company domain in the ASCII form a website's address gives, so both name the same company.
    expect(services.db.prepare('SELECT domain FROM contacts WHERE id = 2').get()).toEqual({
      domain: 'xn--bcher-kva.de',
    });
    // The same address in capitals, and with its letters decomposed (a + combining ring, as macOS may write it).
    const again = await importFile(
      services,
      csv(`Email\nÅSA.LINDSTRÖM@Firma.Example\n${'åsa.lindström@firma.example'.normalize('NFD')}\n`),
    );
    expect(again).toMatchObject({ rowsTotal: 2, imported: 0, duplicates: 2 });

    const malformed = [
      'åsa@@firma.example',
      'åsa lindström@firma.example',
      'åsa@',
      '@firma.example',
      'åsa@firma',
      'åsa..l@firma.example',
      '.åsa@firma.example',
      'åsa@-firma.example',
      'åsa@firma..example',
      'åsa"@firma.example',
      'åsa@firma.example.',
    ];
    const bad = await importFile(services, csv(`Email\n${malformed.join('\n')}\n`));
    expect(bad).toMatchObject({ rowsTotal: malformed.length, imported: 0, rejected: malformed.length });
    expect(bad.errors.map((e) => e.message)).toEqual(
      malformed.map((email) => `"${email}" is not a valid email address`),
    );
  });

  it('keeps an unparseable phone as written with a warning, not a rejection', async () => {
    const services = testServices();
    const summary = await importFile(services, csv('Email,Phone\na@example.com,call me\n'));
    expect(summary).toMatchObject({ imported: 1, rejected: 0 });
    expect(summary.warnings).toEqual([
      {
        row: 2,
        column: 'Phone',
        field: 'phone',
        message: '"call me" is not a phone number for region US; kept as written',
      },
    ]);
    expect(services.db.prepare('SELECT phone, phone_raw FROM contacts').get()).toEqual({
      phone: null,
      phone_raw: 'call me',
    });
  });

  it('finds duplicates in the file and in the database by email, else by name and company key', async () => {
    const services = testServices();
    const first = await importFile(
      services,
      csv(
        'Name,Email,Company\nAda Lovelace,ADA@example.com,Engines Ltd\nAda Lovelace,ada@example.com,Engines\nBob Stone,,Acme Inc.\nbob  stone,,ACME\n',
      ),
    );
    expect(first).toMatchObject({ rowsTotal: 4, imported: 2, duplicates: 2 });
    const second = await importFile(
      services,
      csv('Full Name,E-mail,Company\nAda L.,ada@EXAMPLE.com,X\nBob Stone,,Acme LLC\nNew Person,new@example.com,Y\n'),
    );
    expect(second).toMatchObject({ rowsTotal: 3, imported: 1, duplicates: 2 });
    expect(count(services, 'contacts')).toBe(3);
    expect(count(services, 'leads')).toBe(3);
  });

  it('update overwrites, merge only fills, both give the contact a lead of this import; skip leaves it', async () => {
    const base = 'Email,First Name,Title,City\nada@example.com,Ada,,London\n';
    const again = 'Email,First Name,Title,City\nada@example.com,Augusta,Countess,Paris\n';
    const contactAfter = async (policy: 'skip' | 'update' | 'merge') => {
      const services = testServices();
      await importFile(services, csv(base));
      const summary = await importFile(services, csv(again), { onDuplicate: policy });
      expect(summary.duplicates).toBe(1);
      return {
        contact: services.db.prepare('SELECT first_name AS firstName, title, city FROM contacts').get(),
        leads: count(services, 'leads'),
      };
    };
    expect(await contactAfter('skip')).toEqual({
      contact: { firstName: 'Ada', title: null, city: 'London' },
      leads: 1,
    });
    expect(await contactAfter('update')).toEqual({
      contact: { firstName: 'Augusta', title: 'Countess', city: 'Paris' },
      leads: 2,
    });
    expect(await contactAfter('merge')).toEqual({
      contact: { firstName: 'Ada', title: 'Countess', city: 'London' },
      leads: 2,
    });
  });

  it('warns when the same file is imported again, and a dry run stores nothing', async () => {
    const services = testServices();
    const file = csv('Email\na@example.com\n');
    const first = await importFile(services, file);
    const dry = await importFile(services, file, { dryRun: true });
    expect(dry.importId).toBeNull();
    expect(dry.warnings[0]!.message).toMatch(new RegExp(`already imported on .* \\(import ${first.importId}\\)`));
    expect(services.leads.listImports()).toHaveLength(1);
    const fresh = testServices();
    await importFile(fresh, csv('Email\nb@example.com\n'), { dryRun: true });
    expect(count(fresh, 'contacts') + count(fresh, 'imports') + count(fresh, 'companies')).toBe(0);
  });

  it('undo removes the leads, and the contacts and companies only that import created', async () => {
    const services = testServices();
    const first = await importFile(
      services,
      csv('Email,Company\nshared@shared.com,Shared Co\nonly@first.com,First Co\n'),
    );
    const second = await importFile(
      services,
      csv('Email,Company\nshared@shared.com,Shared Co\nonly@second.com,Second Co\n'),
      { onDuplicate: 'merge' },
    );
    expect(services.leads.undoImport(first.importId!)).toEqual({
      importId: first.importId,
      leadsRemoved: 2,
      contactsRemoved: 1,
      companiesRemoved: 1,
    });
    const emails = (
      services.db.prepare('SELECT email FROM contacts ORDER BY email').all() as Array<{ email: string }>
    ).map((r) => r.email);
    expect(emails).toEqual(['only@second.com', 'shared@shared.com']);
    expect(
      (services.db.prepare('SELECT name FROM companies ORDER BY name').all() as Array<{ name: string }>).map(
        (r) => r.name,
      ),
    ).toEqual(['Second Co', 'Shared Co']);
    expect(services.leads.listLeads({}).total).toBe(2);
    expect(services.leads.listImports().map((i) => [i.id, i.status])).toEqual([
      [second.importId, 'completed'],
      [first.importId, 'undone'],
    ]);
    expect(() => services.leads.undoImport(first.importId!)).toThrow(
      /is undone; only a completed import can be undone/,
    );
    expect(services.leads.listLeads({ filter: { search: 'first' } }).total).toBe(0);
  });

  it('remembers a mapping by header signature, and reports an override of a missing column by name', async () => {
    const services = testServices();
    await importFile(services, csv('Handle,Mail\nada,ada@example.com\n'), { overrides: { Handle: 'fullName' } });
    await importFile(services, csv('Handle,Mail\nbob,bob@example.com\n'));
    expect(services.db.prepare(`SELECT full_name FROM contacts WHERE email_key = 'bob@example.com'`).get()).toEqual({
      full_name: 'bob',
    });
    await expect(importFile(services, csv('Mail\nx@example.com\n'), { overrides: { Nope: 'email' } })).rejects.toThrow(
      /no column named "Nope"; the columns are "Mail"/,
    );
  });

  it('exports rejected rows formula-safe; the fixed file re-imports with the remembered mapping and the original values', async () => {
    const services = testServices();
    const summary = await importFile(
      services,
      csv('Vorname,E-Mail,Notiz\nAda,ada@,=HYPERLINK("x")\nBob,bob@example.com,ok\n'),
    );
    expect(summary.rejected).toBe(1);
    const out = path.join(tempDir(), 'rejected.csv');
    await services.leads.exportRejected(summary.importId!, out);
    const exported = fs.readFileSync(out, 'utf8');
    expect(exported).toBe(
      '\uFEFFImport row,Import error,Vorname,E-Mail,Notiz\r\n2,"E-Mail: ""ada@"" is not a valid email address",Ada,ada@,"\'=HYPERLINK(""x"")"\r\n',
    );
    fs.writeFileSync(out, exported.replace('ada@,', 'ada@example.com,'));
    const fixed = await importFile(services, out);
    expect(fixed).toMatchObject({ imported: 1, rejected: 0 });
    const ada = services.leads.getLead(services.leads.listLeads({ filter: { search: 'ada' } }).rows[0]!.id);
    expect(ada.lead.notes).toBe('=HYPERLINK("x")');
    expect(ada.customFields).toEqual([]);
  });

  it('re-imports rejected rows fixed in the app as a new import, and takes them off the original', async () => {
    const services = testServices();
    const summary = await importFile(services, csv('Name,Email,Company\nAda,ada@,X\nBob,bob@,Y\n'));
    const retry = await services.leads.retryRejected(summary.importId!, [
      { row: 2, values: { Email: 'ada@example.com' } },
    ]);
    expect(retry).toMatchObject({ imported: 1, rejected: 0 });
    expect(services.leads.listImports()[0]!.fileName).toMatch(/\(fixed rows of import \d+\)$/);
    expect(services.leads.listRejected(summary.importId!, { offset: 0, limit: 10 }).rows.map((r) => r.row)).toEqual([
      3,
    ]);
  });

  it('cancels a running import: it rolls back and leaves nothing', async () => {
    const services = testServices();
    const rows = Array.from({ length: 60_000 }, (_, i) => `First${i},Last${i},p${i}@example.com,Company ${i % 500}`);
    const file = csv(`First Name,Last Name,Email,Company\n${rows.join('\n')}\n`);
    const controller = new AbortController();
    const run = services.leads.startImport(
      { file },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(count(services, 'imports') + count(services, 'contacts') + count(services, 'leads')).toBe(0);
  });
});
