import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/intel/domain';
import { LeadScoring } from '../../src/core/leads/score/lead-scoring';
import { seniorityFromTitle } from '../../src/core/leads/score/seniority';
import type { AppServices } from '../../src/core/services/app-services';
import { fundingFact, newsFact } from '../fixtures/outreach/facts';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { runCliProcess } from './support';
import { storeLookup } from '../support/stored-lookup';

const DAY = 86_400_000;
const daysAgo = (days: number, from = Date.now()) => new Date(from - days * DAY).toISOString().slice(0, 10);

let services: AppServices | undefined;
afterEach(() => services?.close());

/** Three leads at two companies, imported from a CSV file into a real SQLite file. */
async function importLeads(): Promise<{
  services: AppServices;
  ids: Record<string, number>;
  companyId: (name: string) => number;
}> {
  services = testServices();
  const file = path.join(tempDir(), 'leads.csv');
  fs.writeFileSync(
    file,
    [
      'First Name,Last Name,Email,Company,Title,Lead Status',
      'Jane,Okafor,jane@lumora.io,Lumora Analytics,VP Sales,new',
      'Priya,Raman,,Lumora Analytics,Software Engineer,new',
      'Tom,Becker,tom@northwind.example,Northwind,Chief Revenue Officer,',
    ].join('\n'),
  );
  await services.leads.startImport({ file });
  const rows = services.db
    .prepare('SELECT l.id, c.first_name AS name FROM leads l JOIN contacts c ON c.id = l.contact_id')
    .all() as Array<{ id: number; name: string }>;
  const ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  const db = services.db;
  return {
    services,
    ids,
    companyId: (name) => (db.prepare('SELECT id FROM companies WHERE name = ?').get(name) as { id: number }).id,
  };
}

/** A finished lookup of an imported company whose report holds these facts; the facts as stored. */
function storeReport(services: AppServices, company: { name: string; id: number }, facts: Fact[]): Fact[] {
  const stored = storeLookup(services.db, company.name, facts);
  expect(stored.companyId).toBe(company.id);
  return stored.facts;
}

const activities = (s: AppServices, leadId: number) =>
  s.leads.getLead(leadId).activities.filter((a) => a.kind === 'edited' || a.kind === 'edit_undone');

describe('Working the leads: edits and undo', () => {
  it('edits one lead, records from and to in its timeline, and undoes it', async () => {
    const { services: s, ids } = await importLeads();
    const result = s.leads.editLeads([ids.Jane!], {
      status: 'contacted',
      owner: 'Ada',
      addTags: ['conference', 'warm'],
      notes: 'Met at the booth',
    });
    expect(result).toMatchObject({ changed: 1, unchanged: 0 });
    const lead = s.leads.getLead(ids.Jane!).lead;
    expect(lead).toMatchObject({
      status: 'contacted',
      owner: 'Ada',
      tags: 'conference, warm',
      notes: 'Met at the booth',
    });
    expect(activities(s, ids.Jane!).map((a) => a.detail)).toEqual([
      {
        batch: result.batch,
        changes: [
          { field: 'status', from: 'new', to: 'contacted' },
          { field: 'owner', from: null, to: 'Ada' },
          { field: 'tags', from: [], to: ['conference', 'warm'] },
          { field: 'notes', from: null, to: 'Met at the booth' },
        ],
      },
    ]);

    s.leads.editLeads([ids.Jane!], { removeTags: ['WARM'] });
    expect(s.leads.getLead(ids.Jane!).lead.tags).toBe('conference');
    // Undo of the lead's last change reverts only that change.
    expect(s.leads.undoEdit({ leadId: ids.Jane! })).toMatchObject({ reverted: 1, skipped: [] });
    expect(s.leads.getLead(ids.Jane!).lead).toMatchObject({ status: 'contacted', tags: 'conference, warm' });
    // And the next undo the one before it.
    s.leads.undoEdit({ leadId: ids.Jane! });
    expect(s.leads.getLead(ids.Jane!).lead).toMatchObject({ status: 'new', owner: null, tags: null, notes: null });
    expect(activities(s, ids.Jane!).map((a) => a.kind)).toEqual(['edited', 'edited', 'edit_undone', 'edit_undone']);
    expect(s.leads.undoEdit({ leadId: ids.Jane! })).toEqual({ batch: null, reverted: 0, skipped: [] });
  });

  it('edits a selection as one change, undone together; a lead changed again since is left and named', async () => {
    const { services: s, ids } = await importLeads();
    const all = [ids.Jane!, ids.Priya!, ids.Tom!];
    const bulk = s.leads.editLeads(all, { owner: 'Ada', addTags: ['q3'] });
    expect(bulk).toMatchObject({ changed: 3, unchanged: 0 });
    expect(s.leads.editLeads(all, { owner: 'Ada' })).toMatchObject({ changed: 0, unchanged: 3 });
    s.leads.editLeads([ids.Tom!], { owner: 'Bo' });
    s.leads.undoEdit({ leadId: ids.Tom! });
    s.leads.editLeads([ids.Priya!], { removeTags: ['q3'] });

    const undone = s.leads.undoEdit({ batch: bulk.batch });
    expect(undone).toEqual({
      batch: bulk.batch,
      reverted: 2,
      skipped: [{ leadId: ids.Priya!, reason: 'its tags was changed again since' }],
    });
    expect(s.leads.getLead(ids.Jane!).lead).toMatchObject({ owner: null, tags: null });
    expect(s.leads.getLead(ids.Tom!).lead).toMatchObject({ owner: null, tags: null });
    expect(s.leads.getLead(ids.Priya!).lead).toMatchObject({ owner: 'Ada', tags: null });
    // Undo with no target takes the newest edit not undone: Priya's tag removal.
    expect(s.leads.undoEdit()).toMatchObject({ reverted: 1 });
    expect(s.leads.getLead(ids.Priya!).lead.tags).toBe('q3');
  });

  it('refuses a status that is neither built in nor in settings, and accepts a custom one from settings', async () => {
    const { services: s, ids } = await importLeads();
    expect(() => s.leads.editLeads([ids.Jane!], { status: 'nurture' })).toThrow(
      /Status "nurture" is not one of new, contacted, replied, qualified, disqualified/,
    );
    expect(() => s.leads.editLeads([ids.Jane!, 999_999], { owner: 'Ada' })).toThrow('No lead with id 999999.');
    // Nothing of a refused edit is stored.
    expect(s.leads.getLead(ids.Jane!).lead.owner).toBeNull();
    s.settings.update({ leads: { customStatuses: ['nurture'] } });
    expect(s.leads.statuses()).toContain('nurture');
    s.leads.editLeads([ids.Jane!], { status: 'nurture' });
    expect(s.leads.getLead(ids.Jane!).lead.status).toBe('nurture');
  });
});

describe('Lead score', () => {
  it('sums named signals from stored facts and the lead, each with its source, and the table sorts by it', async () => {
    const { services: s, ids, companyId } = await importLeads();
    s.settings.update({ leads: { targetRoles: { seniority: ['executive', 'vp'], functions: ['sales'] } } });
    const [round, , launch] = storeReport(s, { name: 'Lumora Analytics', id: companyId('Lumora Analytics') }, [
      fundingFact({ amount: 20_000_000, round: 'Series B', date: daysAgo(20), leadInvestors: ['Index Ventures'] }),
      fundingFact({ amount: 5_000_000, round: 'Series A', date: daysAgo(400) }),
      newsFact({ title: 'Lumora launches Ledger', trigger: 'launch', date: daysAgo(10) }),
    ]);

    const jane = s.leads.leadScore(ids.Jane!);
    expect(jane.signals.map((signal) => [signal.name, signal.points])).toEqual([
      ['recentRound', 30],
      ['whyNowNews', 20],
      ['seniority', 15],
      ['function', 15],
      ['email', 10],
      ['status', 0],
    ]);
    expect(jane.score).toBe(90);
    expect(jane.signals[0]!.source).toMatchObject({ kind: 'fact', factId: round!.id, url: round!.source.url });
    expect(jane.signals[1]).toMatchObject({
      label: 'Why now: Lumora launches Ledger',
      source: { kind: 'fact', factId: launch!.id },
    });
    expect(jane.signals[2]!.source).toEqual({ kind: 'lead', field: 'title', value: 'VP Sales' });
    // Same company, no matching role, no email.
    expect(s.leads.leadScore(ids.Priya!)).toMatchObject({ score: 50 });
    // No report for Northwind: only the lead's own signals (executive, sales, email).
    expect(s.leads.leadScore(ids.Tom!).signals.map((signal) => signal.name)).toEqual([
      'seniority',
      'function',
      'email',
    ]);

    // A page sorted otherwise is answered at once: only its own leads are scored, not every lead.
    expect(
      s.leads
        .listLeads({ limit: 1, sort: { column: 'name', direction: 'asc' } })
        .rows.map((r) => [r.firstName, r.score]),
    ).toEqual([['Jane', 90]]);
    expect(s.db.prepare('SELECT score FROM leads WHERE id = ?').pluck().get(ids.Tom!)).toBeNull();
    const byScore = () =>
      s.leads.listLeads({ sort: { column: 'score', direction: 'desc' } }).rows.map((r) => [r.firstName, r.score]);
    expect(byScore()).toEqual([
      ['Jane', 90],
      ['Priya', 50],
      ['Tom', 40],
    ]);
    // Weights live in settings: a changed weight rescores every lead before the next page.
    s.settings.update({
      leads: {
        scoreWeights: {
          recentRound: 0,
          whyNowNews: 0,
          seniority: 15,
          function: 15,
          email: 10,
          status: { disqualified: -100 },
        },
      },
    });
    // Ties keep the table's tie-break (id, in the sort's direction).
    expect(byScore()).toEqual([
      ['Tom', 40],
      ['Jane', 40],
      ['Priya', 0],
    ]);
    // A status edit rescores its lead at once.
    s.leads.editLeads([ids.Jane!], { status: 'disqualified' });
    expect(byScore()).toEqual([
      ['Tom', 40],
      ['Priya', 0],
      ['Jane', -60],
    ]);
  });

  it('counts a round only within 90 days of the day scored, and rescores when the day moves', async () => {
    const { services: s, ids, companyId } = await importLeads();
    const start = Date.now();
    storeReport(s, { name: 'Lumora Analytics', id: companyId('Lumora Analytics') }, [
      fundingFact({ amount: 1_000_000, round: 'Seed', date: daysAgo(85, start) }),
    ]);
    let now = new Date(start);
    const scoring = new LeadScoring(
      s.db,
      () => s.settings.read().leads,
      () => now,
    );
    expect(scoring.refresh()).toBe(3);
    expect(scoring.refresh()).toBe(0);
    expect(scoring.explain(ids.Priya!).signals.map((signal) => signal.name)).toContain('recentRound');
    now = new Date(start + 6 * DAY);
    expect(scoring.refresh()).toBe(3);
    expect(scoring.explain(ids.Priya!).signals.map((signal) => signal.name)).not.toContain('recentRound');
    expect(s.db.prepare('SELECT score FROM leads WHERE id = ?').pluck().get(ids.Priya!)).toBe(0);
  });
});

describe('Export of the leads shown', () => {
  it('writes only the matching leads, in the table order, with the columns shown', async () => {
    const { services: s, ids } = await importLeads();
    s.leads.editLeads([ids.Jane!, ids.Tom!], { addTags: ['=cmd'], owner: 'Ada' });
    const file = path.join(tempDir(), 'shown.csv');
    const result = await s.leads.exportLeads(file, {
      filter: { tag: '=CMD' },
      sort: { column: 'name', direction: 'desc' },
      columns: ['name', 'owner', 'tags', 'score'],
    });
    expect(result.rows).toBe(2);
    // Formula-safe like every export: the tag's "=" is neutralised.
    expect(fs.readFileSync(file, 'utf8')).toBe(
      "\uFEFFFull Name,Owner,Tags,Score\r\nTom Becker,Ada,'=cmd,25\r\nJane Okafor,Ada,'=cmd,25\r\n",
    );
  });
});

describe('crm-intel leads set, undo, score', () => {
  it('changes leads from the command line, says what an invalid change is, undoes, and explains a score', async () => {
    const { services: s, ids } = await importLeads();
    const dataDir = s.dataDir;
    s.close();
    services = undefined;
    const set = await runCliProcess([
      '--data-dir',
      dataDir,
      'leads',
      'set',
      String(ids.Jane),
      String(ids.Tom),
      '--status',
      'qualified',
      '--owner',
      'Ada',
      '--tag',
      'q3',
      '--tag',
      'warm',
      '--note',
      'Call back in May',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/^2 leads changed\. Undo: crm-intel leads undo --batch [0-9a-f-]{36}\n$/);
    const bad = await runCliProcess(['--data-dir', dataDir, 'leads', 'set', String(ids.Jane), '--tag', 'a,b']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('The change addTags[0]: a tag must not contain a comma.');
    const score = await runCliProcess(['--data-dir', dataDir, 'leads', 'score', String(ids.Jane)]);
    expect(score.stdout).toBe(
      [
        'Score 50',
        '  +15  Seniority matches the target roles (vp)  (lead title: VP Sales)',
        '  +10  Email address present  (lead email: jane@lumora.io)',
        '  +25  Status: qualified  (lead status: qualified)',
        '',
      ].join('\n'),
    );
    const undo = await runCliProcess(['--data-dir', dataDir, '--json', 'leads', 'undo']);
    expect(JSON.parse(undo.stdout)).toMatchObject({ reverted: 2, skipped: [] });
    const after = await runCliProcess(['--data-dir', dataDir, '--json', 'leads', 'score', String(ids.Tom)]);
    // Tom had no status before: after the undo the status signal is gone from his score.
    expect(JSON.parse(after.stdout).signals.map((signal: { name: string }) => signal.name)).toEqual([
      'seniority',
      'email',
    ]);
    // Five command-line processes, each loading the CLI through tsx: slow on a busy machine, not a timing check.
  }, 120_000);
});

describe('Seniority read from a title', () => {
  it('reads a vice president as a VP, not an executive, and tells the other levels apart', () => {
    expect(
      [
        'Vice President, Sales',
        'SVP Marketing',
        'President',
        'Co-Founder & CTO',
        'Head of Growth',
        'Director of IT',
        'Engineering Manager',
        'Account Executive',
        '',
      ].map(seniorityFromTitle),
    ).toEqual(['vp', 'vp', 'executive', 'executive', 'director', 'director', 'manager', 'individual', null]);
  });
});
