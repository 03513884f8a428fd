import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundingFact, newsFact } from '../fixtures/outreach/facts';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { openApp, startHarness, type Harness } from './support/app';
import { storeLookup } from '../support/stored-lookup';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const CSV = [
  'First Name,Last Name,Email,Company,Title,Lead Status',
  'Jane,Okafor,jane@lumora.io,Lumora Analytics,VP Sales,new',
  'Priya,Raman,,Lumora Analytics,Software Engineer,new',
  'Tom,Becker,tom@northwind.example,Northwind,Office Manager,new',
].join('\n');

describe('Working the leads (e2e)', () => {
  it('ranks leads by an explained score, edits a lead and a selection with undo, and exports the leads shown', async () => {
    const services = testServices();
    try {
      const file = path.join(tempDir(), 'leads.csv');
      fs.writeFileSync(file, `${CSV}\n`);
      await services.leads.startImport({ file });
      services.settings.update({ leads: { targetRoles: { seniority: ['executive', 'vp'], functions: ['sales'] } } });
      // Lumora's latest report, stored as a lookup stores it: a round three weeks ago and a launch last week.
      const companyId = services.db
        .prepare('SELECT id FROM companies WHERE name = ?')
        .pluck()
        .get('Lumora Analytics') as number;
      const stored = storeLookup(services.db, 'Lumora Analytics', [
        fundingFact({ amount: 20_000_000, round: 'Series B', date: daysAgo(21) }),
        newsFact({ title: 'Lumora launches Ledger', trigger: 'launch', date: daysAgo(7) }),
      ]);
      expect(stored.companyId).toBe(companyId);
      const leadId = (name: string) =>
        services.db
          .prepare('SELECT l.id FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE c.first_name = ?')
          .pluck()
          .get(name) as number;

      const { page, context, screenshot, pickNext } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      const table = page.getByRole('table', { name: 'Leads' });
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('3 leads');
      // Highest score first: the header sorts ascending, then descending.
      await table.getByRole('button', { name: 'Score' }).click();
      await table.getByRole('button', { name: /^Score/ }).click();
      await expect
        .poll(() => table.locator('.vtable-row .link-button').allTextContents())
        .toEqual(['Jane Okafor', 'Priya Raman', 'Tom Becker']);

      await table.getByRole('button', { name: 'Jane Okafor' }).click();
      const detail = page.getByRole('complementary', { name: 'Lead detail' });
      const score = detail.getByRole('region', { name: 'Lead score' });
      await score.getByRole('heading', { name: 'Score 90' }).waitFor();
      expect(await score.getByRole('link').allTextContents()).toEqual([
        stored.facts[0]!.source.title,
        stored.facts[1]!.source.title,
      ]);
      expect(await score.getByRole('listitem').first().textContent()).toMatch(
        /^\+30 Funding round in the last 90 days/,
      );

      const form = detail.getByRole('form', { name: 'Work this lead' });
      await form.getByLabel('Status').selectOption('contacted');
      await form.getByLabel('Owner').fill('Ada');
      await form.getByLabel('Tags').fill('conference');
      await form.getByLabel('Notes').fill('Call after the demo');
      await form.getByRole('button', { name: 'Save' }).click();
      await detail
        .getByText(
          'Status: new → contacted; Owner: (none) → Ada; Tags: (none) → conference; Notes: (none) → Call after the demo',
        )
        .waitFor();
      await score.getByRole('heading', { name: 'Score 95' }).waitFor();
      expect(
        services.db.prepare('SELECT status, owner, tags, notes FROM leads WHERE id = ?').get(leadId('Jane')),
      ).toEqual({
        status: 'contacted',
        owner: 'Ada',
        tags: '["conference"]',
        notes: 'Call after the demo',
      });
      await expect.poll(() => table.locator('.vtable-row').first().innerText()).toMatch(/contacted\s+Ada\s+95$/);
      await screenshot('lead-work-detail');

      await form.getByRole('button', { name: 'Undo last change' }).click();
      await detail
        .getByText(
          'Status: contacted → new; Owner: Ada → (none); Tags: conference → (none); Notes: Call after the demo → (none)',
        )
        .waitFor();
      expect(
        services.db.prepare('SELECT status, owner, tags, notes FROM leads WHERE id = ?').get(leadId('Jane')),
      ).toEqual({
        status: 'new',
        owner: null,
        tags: '[]',
        notes: null,
      });
      await detail.getByRole('button', { name: 'Close lead detail' }).click();

      // A selection: one change for both, undone together.
      await table.getByRole('checkbox', { name: 'Select Priya Raman' }).check();
      await table.getByRole('checkbox', { name: 'Select Tom Becker' }).check();
      const bar = page.getByRole('group', { name: 'Change the selected leads' });
      await bar.getByLabel('Set status').selectOption('disqualified');
      await bar.getByLabel('Owner').fill('Bo');
      await bar.getByLabel('Set notes (replaces each lead’s)').fill('Met at the fair');
      await bar.getByRole('button', { name: 'Apply to 2' }).click();
      await bar.getByText('2 leads changed.').waitFor();
      await expect
        .poll(() => table.locator('.vtable-row .link-button').allTextContents())
        .toEqual(['Jane Okafor', 'Priya Raman', 'Tom Becker']);
      expect(
        services.db
          .prepare(
            "SELECT count(*) FROM leads WHERE status = 'disqualified' AND owner = 'Bo' AND notes = 'Met at the fair'",
          )
          .pluck()
          .get(),
      ).toBe(2);
      await screenshot('lead-work-selection');
      await bar.getByRole('button', { name: 'Undo' }).click();
      await expect
        .poll(() =>
          services.db
            .prepare("SELECT count(*) FROM leads WHERE status = 'new' AND owner IS NULL AND notes IS NULL")
            .pluck()
            .get(),
        )
        .toBe(3);

      // Export the leads shown: with an email, highest score first, the columns picked.
      await page.getByLabel('With email').check();
      await expect.poll(() => table.locator('.vtable-foot').textContent()).toBe('2 leads');
      await page.getByText('Columns', { exact: true }).click();
      const picker = page.getByRole('group', { name: 'Columns shown' });
      for (const column of ['Email', 'Company', 'Title', 'Owner'])
        await picker.getByLabel(column, { exact: true }).uncheck();
      await page.getByText('Columns', { exact: true }).click();
      const out = path.join(tempDir(), 'shown.csv');
      pickNext(out);
      await page.getByRole('button', { name: 'Export shown…' }).click();
      await page.getByText(`2 leads written to ${out}.`).waitFor();
      expect(fs.readFileSync(out, 'utf8')).toBe(
        '\uFEFFFull Name,Lead Status,Score\r\nJane Okafor,new,90\r\nTom Becker,new,10\r\n',
      );
      await screenshot('lead-work-export');
      await context.close();
    } finally {
      services.close();
    }
  });
});
