import { describe, expect, it } from 'vitest';
import { promptDocuments } from '../support/providers/fake-llm';
import { EXTRACTION_SYSTEM_PROMPT } from '../../src/core/providers/llm';
import { DRAFTING_SYSTEM_PROMPT } from '../../src/core/outreach/compose/llm-generator';
import { acmeSeriesB, descriptionFact, fundingFact } from '../fixtures/outreach/facts';
import { LLM_PROVIDERS, congratulatingWriter, llmDraftingPerTest, withLink } from './llm-support';
import { waitFor } from '../enrichment/support';

const open = llmDraftingPerTest();
const funding = acmeSeriesB();
const about = descriptionFact('Acme builds payroll software for restaurants.');

describe.each(LLM_PROVIDERS)('LLM drafts over a loopback $name server', (provider) => {
  it('accepts a valid structured draft, listing the facts it cites with their sources', async () => {
    const harness = await open(provider, [funding, about], congratulatingWriter());
    const result = await harness.outreach.draftLeads([harness.leadId], { llm: true });
    expect(result).toMatchObject({ drafted: 1, llmFallbacks: 0 });
    const [draft] = harness.outreach.list();
    expect(draft).toMatchObject({ generator: 'llm', template: null, subject: 'Congrats on the Series B, Jane' });
    expect(harness.llmFallbackOf(harness.leadId)).toBeNull();
    expect(draft!.body).toContain('Acme raised $20M in a Series B round led by Index Ventures');
    expect(draft!.facts).toEqual([
      {
        id: funding.id,
        text: 'Acme raised $20M in a Series B round led by Index Ventures',
        sourceUrl: funding.source.url,
        trigger: 'funding',
        date: '2025-05-10',
      },
    ]);
    expect(draft!.lint.filter((w) => w.rule === 'ungrounded_claim' || w.rule === 'unresolved_placeholder')).toEqual([]);

    const [request] = harness.requests();
    expect(request!.system).toBe(DRAFTING_SYSTEM_PROMPT);
    expect(request!.system).not.toContain(EXTRACTION_SYSTEM_PROMPT.slice(0, 30));
    expect(
      promptDocuments(request!.user)
        .map((d) => d.index)
        .sort(),
    ).toEqual([funding.id, about.id].sort());
  });

  it.each([
    [
      'cites a fact it was not given',
      congratulatingWriter((d) => ({ ...d, factIds: [...d.factIds, 999_999] })),
      'the LLM cited a fact it was not given',
    ],
    ['contains a link', congratulatingWriter(withLink), 'the LLM wrote a link, domain or address'],
    [
      'contains a bare domain',
      congratulatingWriter((d) => ({
        ...d,
        body: d.body.replace('Would a short call', 'See northwind-deals.com first. Would a short call'),
      })),
      'the LLM wrote a link, domain or address',
    ],
    [
      'calls the prospect a Google company and points at Evil.Shop',
      congratulatingWriter((d) => ({
        ...d,
        body: d.body.replace(
          'Would a short call',
          'Acme is a Google company, and customers move over at Evil.Shop. Would a short call',
        ),
      })),
      'the LLM wrote a link, domain or address',
    ],
    [
      'calls the prospect part of a group no fact names',
      congratulatingWriter((d) => ({
        ...d,
        body: d.body.replace('Would a short call', 'Being part of Globex Holdings must help. Would a short call'),
      })),
      'the LLM stated something none of its facts supports',
    ],
    [
      'names an investor its fact does not',
      congratulatingWriter((d) => ({ ...d, body: d.body.replace('led by Index Ventures', 'led by Accel') })),
      'the LLM stated something none of its facts supports',
    ],
    [
      'leaves a placeholder',
      congratulatingWriter((d) => ({ ...d, body: d.body.replace('Hi Jane,', 'Hi [First Name],') })),
      'the LLM left a placeholder',
    ],
    [
      'leaves a template tag',
      congratulatingWriter((d) => ({ ...d, subject: 'Congrats, {{lead.firstName}}' })),
      'the LLM left a placeholder',
    ],
    [
      'states what no fact supports',
      congratulatingWriter((d) => ({
        ...d,
        body: d.body.replace('As VP of Sales', 'Passing 500 employees is a milestone too. As VP of Sales'),
      })),
      'the LLM stated something none of its facts supports',
    ],
    [
      'does not match the schema',
      congratulatingWriter((d) => ({ subject: d.subject, body: d.body })),
      `${provider.id} did not answer with the requested JSON`,
    ],
    [
      'is not JSON at all',
      () => 'Sure! Here is your email: Hi Jane, ...',
      `${provider.id} did not answer with the requested JSON`,
    ],
  ])(
    'falls back to the template draft when the answer %s, and records why on the lead',
    async (_case, model, reason) => {
      const harness = await open(provider, [funding, about], model);
      const result = await harness.outreach.draftLeads([harness.leadId], { llm: true });
      expect(result).toMatchObject({ drafted: 1, llmFallbacks: 1 });
      const [draft] = harness.outreach.list();
      expect(draft).toMatchObject({ generator: 'template', template: 'why-now' });
      expect(draft!.body).not.toMatch(
        /500 employees|https?:|northwind-deals|Evil|Google|Globex|Accel|\[First Name\]|\{\{/,
      );
      expect(harness.llmFallbackOf(harness.leadId)).toBe(reason);
      expect(harness.server.calls()).toHaveLength(1);
    },
  );

  it('falls back to the template draft when the answer presents a round over a year old as news', async () => {
    const oldRound = fundingFact({
      amount: 20_000_000,
      round: 'Series B',
      date: '2024-01-15',
      leadInvestors: ['Index Ventures'],
    });
    const harness = await open(provider, [oldRound, about], congratulatingWriter());
    expect(await harness.outreach.draftLeads([harness.leadId], { llm: true })).toMatchObject({
      drafted: 1,
      llmFallbacks: 1,
    });
    expect(harness.llmFallbackOf(harness.leadId)).toBe('the LLM presented an event more than a year old as news');
    // The template does not open with an old round either: it says what the company does.
    const [draft] = harness.outreach.list();
    expect(draft!.facts.map((f) => f.id)).toEqual([about.id]);
    expect(draft!.lint).toEqual([]);
  });

  it('sends the tone and length options in the request', async () => {
    const harness = await open(provider, [funding], congratulatingWriter());
    await harness.outreach.draftLeads([harness.leadId], { llm: true, tone: 'direct', length: 'short' });
    await harness.outreach.draftLeads([harness.leadId], {
      llm: true,
      tone: 'formal',
      length: 'long',
      regenerate: true,
    });
    const [direct, formal] = harness.requests();
    expect(direct!.user).toContain('Tone: brief and to the point');
    expect(direct!.user).toContain('Body at most 90 words');
    expect(formal!.user).toContain('Tone: polite and professional');
    expect(formal!.user).toContain('Body at most 220 words');
  });

  it("paces its calls by the provider's rate limit from settings", async () => {
    const harness = await open(provider, [funding], congratulatingWriter(), { requestsPerMinute: 1, burst: 1 });
    const controller = new AbortController();
    const run = harness.outreach.draftLeads(harness.leadIds, { llm: true, signal: controller.signal });
    await waitFor(() => harness.server.calls().length === 1);
    // The second lead waits for a token due a minute later; cancelling ends the wait without a call.
    controller.abort();
    await expect(run).rejects.toThrow();
    expect(harness.server.calls()).toHaveLength(1);
  });
});
