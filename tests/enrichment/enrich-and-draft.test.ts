import { afterEach, describe, expect, it } from 'vitest';
import { intelHarness } from '../intel/support';
import { BatchStore } from '../../src/core/enrichment/batch-store';
import { runBatch } from '../../src/core/enrichment/batch-runner';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import { latestFactsByCompany } from '../../src/core/outreach/compose/company-facts';
import { BUILTIN_TEMPLATES } from '../../src/core/outreach/compose/builtin-templates';
import { sender } from '../fixtures/outreach/facts';
import { seedImport } from '../fixtures/outreach/seed';

let harness: Awaited<ReturnType<typeof intelHarness>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Leads at a well-covered company (three of them), a page that injects instructions, and a company with no results. */
const LEADS = [
  {
    firstName: 'Priya',
    lastName: 'Shah',
    email: 'priya@lumora.example',
    title: 'VP of Operations',
    company: 'Lumora Analytics',
  },
  {
    firstName: 'Tom',
    lastName: 'Reed',
    email: 'tom@lumora.example',
    title: 'Data Engineer',
    company: 'Lumora Analytics',
  },
  {
    firstName: 'Ana',
    lastName: 'Lima',
    email: 'ana@lumora.example',
    title: 'Head of Sales',
    company: 'Lumora Analytics',
  },
  {
    firstName: 'Quinn',
    lastName: 'Ho',
    email: 'quinn@quillfeather.example',
    title: 'CTO',
    company: 'Quillfeather Labs',
  },
  {
    firstName: 'Zed',
    lastName: 'Null',
    email: 'zed@zyxwvut.example',
    title: 'Founder',
    company: 'Zyxwvut Nonexistent',
  },
];

async function enrichAndDraft(faults: Parameters<typeof intelHarness>[0] = {}) {
  // The harness gives a step 10 s, not the default 90: Tavily's rate limit is scaled by the same factor, so that
  // a batch's lookups wait for their turn no longer, in proportion, than they would in the app.
  harness = await intelHarness({
    settings: { rateLimits: { tavily: { requestsPerMinute: 900, burst: 10 } } },
    ...faults,
  });
  const { services } = harness;
  const { importId, leadIds } = seedImport(services.db, LEADS);
  const planned = services.enrichment.plan({ importId }, 'comprehensive');
  const summary = await runBatch(new BatchStore(services.db), services.intel, planned.batchId, {
    workflow: 'comprehensive',
    concurrency: 4,
  });
  const outreach = new OutreachService({
    db: services.db,
    sender: () => sender,
    now: () => new Date('2025-06-01T00:00:00Z'),
  });
  await outreach.draftImport(importId);
  return { services, outreach, importId, leadIds, planned, summary, drafts: outreach.list({ importId }) };
}

describe('batch enrichment and grounded drafts over the loopback Tavily', () => {
  it('looks each distinct company up once, links leads, and grounds every draft fact in a stored source', async () => {
    const { services, planned, summary, drafts, leadIds } = await enrichAndDraft();
    expect(planned.companiesTotal).toBe(3);
    expect(summary).toMatchObject({ status: 'completed', companiesDone: 3, companiesFailed: 0, leads: 5 });
    const lumoraSearches = harness!.tavily.searches().filter((r) => JSON.stringify(r.body).includes('Lumora'));
    const lumoraReports = services.db
      .prepare(`SELECT COUNT(*) AS n FROM intel_runs WHERE query = 'Lumora Analytics'`)
      .get() as { n: number };
    expect(lumoraReports.n).toBe(1);
    expect(lumoraSearches.length).toBeGreaterThan(0);

    const companyOf = services.db.prepare<[number], { company_id: number | null }>(
      'SELECT company_id FROM leads WHERE id = ?',
    );
    expect(new Set(leadIds.slice(0, 3).map((id) => companyOf.get(id)!.company_id)).size).toBe(1);
    expect(companyOf.get(leadIds[0]!)!.company_id).not.toBeNull();

    // Drafting reads all companies' facts at once; it must read what the intelligence service reports.
    const companyIds = [
      ...new Set(leadIds.map((id) => companyOf.get(id)!.company_id).filter((id): id is number => id !== null)),
    ];
    const bulk = latestFactsByCompany(services.db, companyIds);
    for (const id of companyIds) expect(bulk.get(id) ?? []).toEqual(services.intel.latestFacts(id));

    expect(drafts).toHaveLength(5);
    const sourceOfFact = services.db.prepare<[number], { url: string }>(
      'SELECT s.url FROM facts f JOIN sources s ON s.id = f.source_id WHERE f.id = ?',
    );
    for (const draft of drafts) {
      for (const fact of draft.facts) expect(sourceOfFact.get(fact.id)?.url).toBe(fact.sourceUrl);
      expect(draft.lint.filter((w) => w.rule === 'ungrounded_claim')).toEqual([]);
    }
    const priya = drafts.find((d) => d.to === 'priya@lumora.example')!;
    expect(priya.facts.length).toBeGreaterThan(0);
    expect(priya.body).toContain(priya.facts[0]!.text);
  });

  it('keeps instructions planted in a page out of the drafts of every built-in template, and says nothing unsourced about a company with no facts', async () => {
    const { drafts, outreach, importId } = await enrichAndDraft();
    const zed = drafts.find((d) => d.to === 'zed@zyxwvut.example')!;
    for (const template of BUILTIN_TEMPLATES) {
      await outreach.draftImport(importId, { template: template.name, regenerate: true });
      for (const draft of outreach.list({ importId })) {
        expect(`${draft.subject}\n${draft.body}`, template.name).not.toMatch(
          /Mallory|1850|ignore|instruction|SYSTEM|assistant|https?:/i,
        );
      }
    }
    expect(outreach.list({ importId }).find((d) => d.to === 'quinn@quillfeather.example')!.body).toContain(
      'Quillfeather Labs is a developer tools company',
    );
    expect(zed.facts).toEqual([]);
    // Only the lead's own row and the sender's profile: strip both and no capitalised name is left.
    const own = [
      zed.company,
      'Zed',
      'Founder',
      sender.name,
      sender.company,
      ...sender.signature.split('\n'),
      'Hi',
      'As',
      'We',
      'Would',
      'Best',
    ];
    const leftover = own.reduce((text, word) => text.split(word).join(' '), zed.body);
    expect(leftover.match(/\b[A-Z][a-z]+/g) ?? []).toEqual([]);
  });

  it('rides out a storm of 429s: retries with Retry-After, and a company that still fails is listed, not fatal', async () => {
    const storm = Array.from({ length: 12 }, () => ({
      status: 429,
      headers: { 'retry-after': '0' },
      body: { detail: { error: 'Rate limit exceeded' } },
    }));
    const { summary, drafts } = await enrichAndDraft({ faults: storm });
    expect(summary.companiesDone + summary.companiesFailed).toBe(3);
    expect(summary.status === 'completed' || summary.status === 'partial').toBe(true);
    for (const failure of summary.failures) expect(failure.error).not.toBe('');
    expect(drafts).toHaveLength(5);
  });
});
