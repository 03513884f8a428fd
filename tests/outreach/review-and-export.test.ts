import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import type { Fact } from '../../src/core/intel/domain';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { NOW, fundingFact, sender } from '../fixtures/outreach/facts';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';

function setup() {
  const services = testServices();
  const acme = insertCompany(services.db, 'Acme', 'acme.example');
  const facts = new Map<number, Fact[]>([
    [acme, [fundingFact({ amount: 12_500_000, round: 'Series A', date: '2025-05-20' })]],
  ]);
  const outreach = new OutreachService({
    db: services.db,
    sender: () => sender,
    companyFacts: () => facts,
    now: () => NOW,
  });
  const { importId, leadIds } = seedImport(services.db, [
    {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@acme.example',
      title: 'VP of Sales',
      company: 'Acme',
      companyId: acme,
    },
    { firstName: 'Zoë', lastName: 'Müller', email: 'zoe@beta.example', title: 'Data Analyst', company: 'Beta GmbH' },
  ]);
  return { services, outreach, importId, leadIds };
}

const activities = (db: ReturnType<typeof testServices>['db'], leadId: number) =>
  db
    .prepare<[number], { kind: string }>('SELECT kind FROM lead_activities WHERE lead_id = ? ORDER BY id')
    .all(leadId)
    .map((r) => r.kind);

describe('draft review', () => {
  it('writes one draft per lead, and drafting again leaves existing drafts alone', async () => {
    const { outreach, importId } = setup();
    const first = await outreach.draftImport(importId);
    expect(first).toMatchObject({ drafted: 2, skipped: 0 });
    const again = await outreach.draftImport(importId);
    expect(again).toMatchObject({ drafted: 0, skipped: 2 });
    expect(outreach.list()).toHaveLength(2);
  });

  it('keeps edits as revisions, sends an edited approved draft back to review, and records activities', async () => {
    const { services, outreach, importId, leadIds } = setup();
    const { draftIds } = await outreach.draftImport(importId);
    const id = draftIds[0]!;
    expect(outreach.approve([id])[0]!.status).toBe('approved');
    const original = outreach.drafts.get(id);
    const edited = outreach.edit(id, {
      subject: 'Hello {{lead.nickname}}',
      body: `${original.body}\nACT NOW, guaranteed results!!`,
    });
    expect(edited.status).toBe('draft');
    expect(outreach.drafts.revisions(id)).toEqual([
      expect.objectContaining({ subject: original.subject, body: original.body, reason: 'edit' }),
    ]);
    const rules = edited.lint.map((w) => w.rule);
    expect(rules).toContain('unresolved_placeholder');
    expect(rules).toContain('spam_phrase');
    const placeholder = edited.lint.find((w) => w.rule === 'unresolved_placeholder')!;
    expect(edited.subject.slice(placeholder.start, placeholder.end)).toBe('{{lead.nickname}}');
    expect(() => outreach.markCopied([id])).toThrow(/only a draft that is approved/);
    outreach.approve([id]);
    outreach.markCopied([id]);
    expect(activities(services.db, leadIds[0]!)).toEqual([
      'drafted',
      'draft_approved',
      'draft_edited',
      'draft_approved',
      'draft_copied',
    ]);
  });

  it('regenerates a draft, keeping the old words as a revision', async () => {
    const { outreach, importId } = setup();
    const { draftIds } = await outreach.draftImport(importId);
    const id = draftIds[1]!;
    outreach.edit(id, { subject: 'mine', body: 'my words' });
    const [regenerated] = await outreach.regenerate([id], { template: 'brief' });
    expect(regenerated!.template).toBe('brief');
    expect(regenerated!.body).not.toBe('my words');
    expect(outreach.drafts.revisions(id).map((r) => r.reason)).toEqual(['edit', 'regenerate']);
  });
});

describe('draft export', () => {
  it('exports only approved drafts: formula-safe CSV, RFC 5322 .eml, and CRM mail-merge rows', async () => {
    const { outreach, importId } = setup();
    const { draftIds } = await outreach.draftImport(importId);
    outreach.edit(draftIds[1]!, { subject: '=HYPERLINK("http://evil.example")', body: 'Hallo Zoë,\nkurz und gut.' });
    outreach.approve([draftIds[1]!]);
    const dir = tempDir();

    const csv = await outreach.exportCsv(path.join(dir, 'drafts.csv'));
    expect(csv.drafts).toBe(1);
    const rows = parse(fs.readFileSync(csv.file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subject).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(rows[0]!.to_email).toBe('zoe@beta.example');

    const { files } = await outreach.exportEml(path.join(dir, 'eml'));
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(files[0]!, 'latin1');
    const [head, text] = eml.split('\r\n\r\n');
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(head).toMatch(/^From: Sam Carter <sam@northwind\.example>$/m);
    expect(head).toMatch(/^To: =\?UTF-8\?Q\?Zo=C3=AB_M=C3=BCller\?= <zoe@beta\.example>$/m);
    expect(head).toMatch(/^Subject: =\?UTF-8\?Q\?=3DHYPERLINK=28=22http=3A/m);
    expect(head).toMatch(/^Message-ID: <.+@.+>$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(head).toMatch(/^Content-Transfer-Encoding: quoted-printable$/m);
    expect(text).toContain('Hallo Zo=C3=AB,\r\nkurz und gut.');

    const merge = await outreach.exportMailMerge(path.join(dir, 'salesforce.csv'), 'salesforce');
    const mergeRows = parse(fs.readFileSync(merge.file, 'utf8'), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(Object.keys(mergeRows[0]!)).toEqual([
      'Email',
      'FirstName',
      'LastName',
      'Company',
      'Title',
      'Email_Subject__c',
      'Email_Body__c',
    ]);
    expect(mergeRows[0]).toMatchObject({
      FirstName: 'Zoë',
      LastName: 'Müller',
      Company: 'Beta GmbH',
      Title: 'Data Analyst',
    });
  });

  it('names the file or folder an export cannot be written to, and why, and records no export', async () => {
    const { services, outreach, importId } = setup();
    const { draftIds } = await outreach.draftImport(importId);
    outreach.approve(draftIds);
    const dir = tempDir();
    const missingFolder = path.join(dir, 'no-such-folder', 'drafts.csv');
    await expect(outreach.exportCsv(missingFolder)).rejects.toThrow(
      `${missingFolder}: cannot write the export: the folder ${path.dirname(missingFolder)} does not exist.`,
    );
    const aFile = path.join(dir, 'notes.txt');
    fs.writeFileSync(aFile, 'not a folder');
    await expect(outreach.exportEml(path.join(aFile, 'eml'))).rejects.toThrow(
      `${path.join(aFile, 'eml')}: cannot write the export: part of that path is a file, not a folder.`,
    );
    expect(
      services.db.prepare("SELECT count(*) AS n FROM lead_activities WHERE kind = 'draft_exported'").get(),
    ).toEqual({ n: 0 });
  });

  it('refuses to export a named draft that is not approved', async () => {
    const { outreach, importId } = setup();
    const { draftIds } = await outreach.draftImport(importId);
    await expect(outreach.exportCsv(path.join(tempDir(), 'x.csv'), { ids: draftIds })).rejects.toThrow(
      /Only approved drafts/,
    );
  });
});
