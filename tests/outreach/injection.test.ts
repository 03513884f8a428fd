import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/core/outreach/compose/builtin-templates';
import { composeFromTemplate } from '../../src/core/outreach/compose/template-generator';
import { toGroundingFacts } from '../../src/core/outreach/compose/fact-grounding';
import { findLinks } from '../../src/core/outreach/compose/sanitize';
import { promptDocuments, type ModelRequest } from '../support/providers/fake-llm';
import { NOW, lead, sender } from '../fixtures/outreach/facts';
import { INJECTED, injectionFacts } from '../fixtures/outreach/injection';
import { LLM_PROVIDERS, llmDraftingPerTest } from './llm-support';

const facts = injectionFacts();
const sourceOf = new Map(facts.map((f) => [f.id, f.source.url]));

/** Nothing planted survives: no instruction, link, address, template tag or hidden character; every listed fact is a stored one. */
function expectClean(draft: {
  subject: string;
  body: string;
  facts: { id: number; text: string; sourceUrl: string }[];
  lint: { rule: string }[];
}) {
  const words = `${draft.subject}\n${draft.body}`;
  expect(words).not.toMatch(INJECTED);
  expect(findLinks(words)).toEqual([]);
  for (const fact of draft.facts) {
    expect(fact.text).not.toMatch(INJECTED);
    expect(fact.sourceUrl).toBe(sourceOf.get(fact.id));
  }
  expect(draft.lint.filter((w) => w.rule === 'ungrounded_claim' || w.rule === 'unresolved_placeholder')).toEqual([]);
}

describe('prompt injection through every built-in template', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.name, t] as const))(
    '%s quotes only the plain statements of the planted sources',
    (_name, template) => {
      const draft = composeFromTemplate(
        { lead: lead(), sender, facts: toGroundingFacts(facts, 'Acme'), now: NOW },
        template,
      );
      expectClean(draft);
      expect(draft.facts.length).toBeGreaterThan(0);
      for (const fact of draft.facts) expect(draft.body).toContain(fact.text);
    },
  );

  it('the statements left are the true parts of each source', () => {
    const texts = toGroundingFacts(facts, 'Acme').map((f) => f.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Acme raised $20M in a Series B round led by Index Ventures and Globex Capital',
        'Acme partners with Globex',
        'Acme builds payroll software for restaurants.',
        'Dana Evans, CEO.',
      ]),
    );
    for (const text of texts) expect(text).not.toMatch(INJECTED);
  });
});

describe.each(LLM_PROVIDERS)('prompt injection through the LLM generator ($name)', (provider) => {
  const open = llmDraftingPerTest();

  it('sends the model only sanitised statements, and a draft that repeats a planted link falls back to the template', async () => {
    // A model that obeys the page: it cites what it was given but adds the link the attacker wanted.
    const obedient = ({ user }: ModelRequest) => {
      const [first] = promptDocuments(user);
      return {
        subject: 'Hello Jane',
        body: `Hi Jane,\n\n${first!.text}. Claim your discount at evil.example/deal.\n\nSam Carter\nNorthwind Research`,
        factIds: [first!.index],
      };
    };
    const harness = await open(provider, facts, obedient);
    const result = await harness.outreach.draftLeads([harness.leadId], { llm: true });

    const [request] = harness.requests();
    const documents = promptDocuments(request!.user);
    expect(documents.length).toBeGreaterThan(0);
    for (const document of documents) {
      expect(document.text).not.toMatch(INJECTED);
      expect(findLinks(document.text)).toEqual([]);
      expect(sourceOf.has(document.index)).toBe(true);
    }
    expect(result.llmFallbacks).toBe(1);
    const [draft] = harness.outreach.list();
    expect(draft!.generator).toBe('template');
    expectClean(draft!);
  });
});
