import { describe, expect, it } from 'vitest';
import { composeFromTemplate } from '../../src/core/outreach/compose/template-generator';
import { BUILTIN_TEMPLATES } from '../../src/core/outreach/compose/builtin-templates';
import { toGroundingFacts } from '../../src/core/outreach/compose/fact-grounding';
import { NOW, acmeSeriesB, descriptionFact, lead, newsFact, sender } from '../fixtures/outreach/facts';

const whyNow = BUILTIN_TEMPLATES.find((t) => t.name === 'why-now')!;

describe('template drafts', () => {
  it('opens with the strongest recent event and lists exactly the facts it uses', () => {
    const funding = acmeSeriesB();
    const oldLaunch = newsFact({ title: 'Acme launches Ledger', trigger: 'launch', date: '2024-01-01' });
    const about = descriptionFact('Acme builds payroll software for restaurants.');
    const draft = composeFromTemplate(
      { lead: lead(), sender, facts: toGroundingFacts([oldLaunch, funding, about], 'Acme'), now: NOW },
      whyNow,
    );
    expect(draft.body).toContain('Acme raised $20M in a Series B round led by Index Ventures');
    expect(draft.facts.map((f) => f.id)).toEqual([funding.id]);
    expect(draft.facts[0]!.sourceUrl).toBe(funding.source.url);
    expect(draft.body).not.toContain('Ledger');
    expect(draft.lint).toEqual([]);
  });

  it('says nothing about a company with no facts beyond the lead row', () => {
    const draft = composeFromTemplate(
      { lead: lead({ title: 'Head of Engineering' }), sender, facts: [], now: NOW },
      whyNow,
    );
    expect(draft.facts).toEqual([]);
    expect(draft.lint).toEqual([]);
  });
});
