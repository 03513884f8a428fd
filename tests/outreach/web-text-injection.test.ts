import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/intel/domain';
import { BUILTIN_TEMPLATES } from '../../src/core/outreach/compose/builtin-templates';
import { composeFromTemplate } from '../../src/core/outreach/compose/template-generator';
import { toGroundingFacts } from '../../src/core/outreach/compose/fact-grounding';
import { foreignLinks, ownHosts } from '../../src/core/outreach/review/links';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import { promptDocuments, type ModelRequest } from '../support/providers/fake-llm';
import { testServices } from '../support/services';
import { tempDir } from '../support/temp-dir';
import { NOW, acmeSeriesB, descriptionFact, fundingFact, lead, newsFact, sender } from '../fixtures/outreach/facts';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';
import { INJECTED_WEB_TEXT, readable } from '../fixtures/outreach/injected-web-text';
import { LLM_PROVIDERS, llmDraftingPerTest } from './llm-support';

/** Jane at Acme (acme.example) and Sam at Northwind (northwind.example): the only hosts a draft may name. */
const OWN = ownHosts({ lead: lead(), sender });

/** Neither the attacker's name nor any link but the lead's and the sender's. */
function expectNoLeak(words: string, marker: string) {
  expect(readable(words)).not.toContain(marker);
  expect(foreignLinks(words, OWN).map((link) => link.text)).toEqual([]);
}

/** The injected sentence where a template quotes web text: an investor's name, a news title, the company description. */
function factsQuoting(text: string, variant: number): Fact[] {
  if (variant % 3 === 0)
    return [
      fundingFact({
        amount: 20_000_000,
        round: 'Series B',
        date: '2025-05-10',
        leadInvestors: ['Index Ventures', text],
      }),
    ];
  if (variant % 3 === 1)
    return [newsFact({ title: `Acme launches Ledger. ${text}`, trigger: 'launch', date: '2025-05-20' })];
  return [descriptionFact(`Acme builds payroll software for restaurants. ${text}`)];
}

const CASES = INJECTED_WEB_TEXT.map((injected, index) => [injected.text, injected.marker, index] as const);

it('the corpus is varied enough to mean something', () => {
  expect(INJECTED_WEB_TEXT.length).toBeGreaterThanOrEqual(30);
  expect(new Set(INJECTED_WEB_TEXT.map((i) => i.marker)).size).toBe(INJECTED_WEB_TEXT.length);
});

describe('injected web text through the template drafter', () => {
  it.each(CASES)('%s', (text, marker, index) => {
    const facts = toGroundingFacts(factsQuoting(text, index), 'Acme');
    for (const template of BUILTIN_TEMPLATES) {
      const draft = composeFromTemplate({ lead: lead(), sender, facts, now: NOW }, template);
      expectNoLeak(`${draft.subject}\n${draft.body}`, marker);
      expect(draft.lint.filter((w) => w.rule === 'foreign_link')).toEqual([]);
    }
  });
});

/** The text of a quoted-printable `.eml`, headers and body, as a mail client shows it. */
function readEml(file: string): string {
  const raw = fs.readFileSync(file, 'latin1').replace(/=\r\n/g, '');
  return Buffer.from(
    raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe('injected web text through drafting and the .eml export', () => {
  it('no approved and exported draft carries a planted name or link', async () => {
    const services = testServices();
    const factsByCompany = new Map<number, Fact[]>();
    const leads = INJECTED_WEB_TEXT.map((injected, index) => {
      const companyId = insertCompany(services.db, `Acme ${index}`, null);
      factsByCompany.set(companyId, factsQuoting(injected.text, index));
      return {
        firstName: 'Jane',
        lastName: `Doe${index}`,
        email: `jane${index}@acme.example`,
        title: 'VP of Sales',
        company: 'Acme',
        companyId,
      };
    });
    const outreach = new OutreachService({
      db: services.db,
      sender: () => sender,
      companyFacts: () => factsByCompany,
      now: () => NOW,
    });
    const { importId } = seedImport(services.db, leads);
    const { draftIds } = await outreach.draftImport(importId);
    outreach.approve(draftIds);
    const { files } = await outreach.exportEml(path.join(tempDir(), 'eml'));
    expect(files).toHaveLength(INJECTED_WEB_TEXT.length);
    const leaked = files.flatMap((file, index) => {
      const eml = readEml(file);
      const marker = INJECTED_WEB_TEXT[index]!.marker;
      // Message-ID names a host of its own making: only the headers people read and the body count.
      const shown = eml.replace(/^Message-ID: .*$/im, '');
      return readable(shown).includes(marker) || foreignLinks(shown, OWN).length > 0 ? [marker] : [];
    });
    expect(leaked).toEqual([]);
    services.close();
  });
});

describe.each(LLM_PROVIDERS)('injected web text through the LLM drafter ($name)', (provider) => {
  const open = llmDraftingPerTest();

  it('every answer that repeats a planted link is refused, and the lead gets a clean template draft', async () => {
    let planted = '';
    // A model that obeys the page: a good email from the facts it was sent, plus the attacker's sentence.
    const obedient = ({ user }: ModelRequest) => {
      const [first] = promptDocuments(user);
      return {
        subject: 'Congrats on the Series B, Jane',
        body: `Hi Jane,\n\nCongratulations: ${first!.text}. ${planted}\n\nWould a short call next week help?\n\n${sender.signature}`,
        factIds: [first!.index],
      };
    };
    // One call per injected text, all at once: no pacing.
    const harness = await open(provider, [acmeSeriesB()], obedient, { requestsPerMinute: 100_000, burst: 1_000 });
    const notRefusedForTheLink: string[] = [];
    for (const injected of INJECTED_WEB_TEXT) {
      planted = injected.text;
      await harness.outreach.draftLeads([harness.leadId], { llm: true, regenerate: true });
      if (harness.llmFallbackOf(harness.leadId) !== 'the LLM wrote a link, domain or address')
        notRefusedForTheLink.push(injected.marker);
      const [draft] = harness.outreach.list();
      expect(draft!.generator).toBe('template');
      expectNoLeak(`${draft!.subject}\n${draft!.body}`, injected.marker);
    }
    expect(notRefusedForTheLink).toEqual([]);
  });

  it('accepts the lead’s own domain and the sender’s, in any case and on a subdomain', async () => {
    const model = ({ user }: ModelRequest) => {
      const [first] = promptDocuments(user);
      return {
        subject: 'Congrats on the Series B, Jane',
        body: `Hi Jane,\n\nCongratulations: ${first!.text}. I read the note on careers.ACME.example and wrote down two questions.\n\nWould a short call next week help? My calendar is at Northwind.Example/sam.\n\n${sender.signature}`,
        factIds: [first!.index],
      };
    };
    const harness = await open(provider, [acmeSeriesB()], model);
    const result = await harness.outreach.draftLeads([harness.leadId], { llm: true });
    expect(harness.llmFallbackOf(harness.leadId)).toBeNull();
    expect(result.llmFallbacks).toBe(0);
    expect(harness.outreach.list()[0]!.body).toContain('careers.ACME.example');
  });
});
