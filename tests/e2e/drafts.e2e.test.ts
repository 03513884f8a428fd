import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { loadTavilyFixtures, type TavilyFixture } from '../support/providers/fake-tavily';
import { draftAsText } from '../../src/renderer/lib/clipboard';
import { openApp, startHarness, type Harness } from './support/app';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** Drafts cite only events of the last year: the fixtures' news, re-dated to last week so the test does not age. */
function recentNews(fixtures: TavilyFixture[]): TavilyFixture[] {
  const lastWeek = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  return fixtures.map((f) =>
    f.topic === 'news' ? { ...f, results: f.results.map((r) => ({ ...r, published_date: lastWeek })) } : f,
  );
}

describe('Draft review (e2e)', () => {
  it('enriches an import from the leads screen, generates its drafts, edits one, approves it, copies it to the clipboard, and exports approved drafts to a file picked in the dialog', async () => {
    const intel = await intelHarness({ fixtures: recentNews(loadTavilyFixtures('lumora')) });
    const { services } = intel;
    try {
      services.settings.update({
        sender: {
          name: 'Ada Analyst',
          company: 'Northwind Research',
          email: 'ada@northwind.example',
          valueProposition: 'we help retailers cut stock-outs',
          signature: 'Ada',
        },
      });
      const file = path.join(tempDir(), 'leads.csv');
      fs.writeFileSync(
        file,
        'First Name,Last Name,Email,Company,Title\nJane,Okafor,jane@lumora.io,Lumora Analytics,CEO\nMarcus,Lindqvist,marcus@lumora.io,Lumora Analytics,CFO\n',
      );
      const imported = await services.leads.startImport({ file });

      // The import's companies researched from the leads screen (the batch runs in its job worker against
      // the loopback Tavily), so the drafts have facts to cite.
      const { page, context, screenshot, pickNext } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      await page.getByLabel('Import', { exact: true }).selectOption(String(imported.importId));
      const enrichment = page.getByRole('region', { name: 'Company enrichment' });
      await enrichment.getByRole('combobox', { name: 'Research depth' }).selectOption('comprehensive');
      await enrichment.getByRole('button', { name: 'Enrich companies' }).click();
      await enrichment.getByText('1 of 1 companies looked up. Every company looked up.').waitFor();
      await screenshot('leads-enrichment');
      const batch = services.enrichment.status(services.enrichment.batches.latestForImport(imported.importId!)!);
      expect(batch).toMatchObject({ workflow: 'comprehensive', status: 'completed', companiesDone: 1, leads: 2 });
      expect(
        services.db
          .prepare('SELECT count(*) FROM leads WHERE import_id = ? AND company_id IS NOT NULL')
          .pluck()
          .get(imported.importId),
      ).toBe(2);

      await page.getByRole('button', { name: /^Drafts/ }).click();
      await page.getByText('No drafts yet').waitFor();
      await page.getByRole('button', { name: `Generate drafts for import #${imported.importId}` }).click();
      await page.getByText('2 drafted.').waitFor();
      await page.getByRole('button', { name: 'Review drafts' }).click();

      const queue = page.getByRole('list', { name: 'Drafts' });
      await expect.poll(() => queue.getByRole('listitem').count()).toBe(2);
      const facts = page.getByRole('complementary', { name: 'Facts used' });
      // Each fact shows its source's title and date beside the link (from drafts:get).
      await expect.poll(() => facts.locator('.fact-source a').count()).toBeGreaterThan(0);
      const firstSource = facts.locator('.fact-source').first();
      expect(await firstSource.getByRole('link').textContent()).not.toMatch(/^https?:/);
      expect(await firstSource.textContent()).toMatch(/· (\d{4}(-\d{2}){0,2}|undated)$/);
      await screenshot('draft-review');

      const body = page.getByLabel('Body');
      const edited = `${await body.inputValue()}\n\nP.S. Congratulations on the launch of Lumora Shelf.`;
      await body.fill(edited);
      await page.getByRole('button', { name: 'Save edit' }).click();
      await page.getByText('Edit saved.').waitFor();
      const draftId = Number(
        services.db.prepare("SELECT id FROM drafts WHERE body LIKE '%P.S. Congratulations%'").pluck().get(),
      );
      expect(draftId).toBeGreaterThan(0);

      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await page.getByText('Approved.').waitFor();
      await expect.poll(() => services.outreach.drafts.get(draftId).status).toBe('approved');

      // The keyboard path: `c` copies the selected draft (the one just approved) and marks it copied.
      await page.locator('main').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('c');
      await page.getByText('Copied to the clipboard.').waitFor();
      const draft = services.outreach.drafts.get(draftId);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(draftAsText(draft));
      expect(draft.body).toContain('P.S. Congratulations on the launch of Lumora Shelf.');
      expect(draft.status).toBe('copied');

      // The other draft, approved, exported to the file the analyst picks in the save dialog (a token for it).
      const [other] = services.outreach.approve([
        Number(services.db.prepare('SELECT id FROM drafts WHERE id != ?').pluck().get(draftId)),
      ]);
      await page.getByRole('button', { name: 'Export approved…' }).click();
      const target = path.join(tempDir(), 'approved.csv');
      pickNext(target);
      await page.getByRole('button', { name: 'Browse…' }).click();
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await expect
        .poll(() => page.getByRole('form', { name: 'Export approved drafts' }).textContent(), { timeout: 10_000 })
        .toContain(`Exported 1 drafts to ${target}.`);
      expect(fs.readFileSync(target, 'utf8')).toContain(other!.subject);
      await context.close();
    } finally {
      await intel.close();
    }
  });

  it('stops drafting with an empty sender profile, opens the sender settings in one click, and drafts once it is filled', async () => {
    const services = testServices();
    try {
      const file = path.join(tempDir(), 'leads.csv');
      fs.writeFileSync(
        file,
        'First Name,Last Name,Email,Company,Title\nJane,Okafor,jane@lumora.io,Lumora Analytics,CEO\n',
      );
      const { importId } = await services.leads.startImport({ file });
      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Drafts/ }).click();
      const generate = page.getByRole('button', { name: `Generate drafts for import #${importId}` });
      await generate.click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^The sender profile is empty/);
      expect(services.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(0);
      await screenshot('drafts-empty-sender');

      await page.getByRole('button', { name: 'Open sender settings' }).click();
      const sender = page.getByRole('region', { name: 'Sender profile' });
      await sender.getByLabel('Name').fill('Ada Analyst');
      await sender.getByLabel('Company').fill('Northwind Research');
      await sender.getByLabel('Value proposition').fill('we help retailers cut stock-outs');
      await sender.getByRole('button', { name: 'Save sender profile' }).click();
      await sender.getByText('Saved.').waitFor();

      await page.getByRole('button', { name: /^Drafts/ }).click();
      await generate.click();
      await page.getByText('1 drafted.').waitFor();
      expect(services.db.prepare('SELECT count(*) FROM drafts').pluck().get()).toBe(1);
    } finally {
      services.close();
    }
  });

  it('writes a short draft from the value proposition and role where the company has no fact, and holds back a lead with no title, its reason in the lead’s activity', async () => {
    const services = testServices();
    try {
      services.settings.update({
        sender: {
          name: 'Ada Analyst',
          company: 'Northwind Research',
          valueProposition: 'we help retailers cut stock-outs',
        },
      });
      const file = path.join(tempDir(), 'leads.csv');
      fs.writeFileSync(
        file,
        'First Name,Last Name,Email,Company,Title\nJane,Okafor,jane@lumora.io,Lumora Analytics,CEO\nOla,Berg,ola@lumora.io,Lumora Analytics,\n',
      );
      const { importId } = await services.leads.startImport({ file });
      const { page, screenshot } = await openApp(harness, services);
      await page.getByRole('button', { name: /^Leads/ }).click();
      await page.getByLabel('Import', { exact: true }).selectOption(String(importId));
      await page.getByRole('button', { name: `Generate drafts for import #${importId}` }).click();
      const reason =
        'Lumora Analytics has no usable fact yet (look the company up first), and the lead has no title: a draft would say nothing about this person.';
      await page
        .getByText(`1 drafted, 1 held back (${reason.slice(0, -1)}; see each lead’s activity on the Leads screen).`)
        .waitFor();
      // The one drafted stands on the sender's offer and the lead's role, with no company fact to cite.
      const draft = services.db.prepare('SELECT body, facts FROM drafts').get() as {
        body: string;
        facts: string;
      };
      expect(draft.body).toContain('We help retailers cut stock-outs.');
      expect(draft.body).toContain('CEO');
      expect(JSON.parse(draft.facts)).toEqual([]);

      await page.getByRole('table', { name: 'Leads' }).getByRole('button', { name: 'Ola Berg' }).click();
      const detail = page.getByRole('complementary', { name: 'Lead detail' });
      await detail.getByText(`Draft held back: ${reason}`).waitFor();
      await detail.getByText('No draft: drafting held this lead back (the reason is under Activity).').waitFor();
      await detail.getByText(`Draft held back: ${reason}`).scrollIntoViewIfNeeded();
      await screenshot('drafts-held-back');
    } finally {
      services.close();
    }
  });
});
