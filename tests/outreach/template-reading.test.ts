import { afterEach, describe, expect, it } from 'vitest';
import type { Fact } from '../../src/core/intel/domain';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import { BUILTIN_TEMPLATES } from '../../src/core/outreach/compose/builtin-templates';
import { TemplateStore } from '../../src/core/outreach/compose/template-store';
import { dispatch } from '../../src/core/ipc/dispatch';
import { createHandlers } from '../../src/core/ipc/handlers';
import type { SenderProfile } from '../../src/core/settings/schema';
import { testServices } from '../support/services';
import { NOW, acmeSeriesB, descriptionFact, newsFact, sender } from '../fixtures/outreach/facts';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';

type Services = ReturnType<typeof testServices>;
const opened: Services[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

const EMPTY_SENDER: SenderProfile = { name: '', company: '', email: '', valueProposition: '', signature: '' };

/**
 * A real database with leads at three companies: Acme with rich facts (a recent round, a launch, what it
 * does), Beta with one thin fact (what it does), Gamma never looked up; at each a leader, a specialist, and
 * at Gamma also someone with no title. Facts come as the intelligence service stores them.
 */
function workspace(senderProfile: SenderProfile = sender) {
  const services = testServices();
  opened.push(services);
  const acme = insertCompany(services.db, 'Acme', 'acme.example');
  const beta = insertCompany(services.db, 'Beta Foods', 'betafoods.example');
  const gamma = insertCompany(services.db, 'Gamma Freight', 'gammafreight.example');
  const facts = new Map<number, Fact[]>([
    [
      acme,
      [
        acmeSeriesB(),
        newsFact({ title: 'Acme launches Ledger for restaurant groups', trigger: 'launch', date: '2025-04-02' }),
        descriptionFact('Acme builds payroll software for restaurants.'),
      ],
    ],
    [beta, [descriptionFact('Beta Foods makes plant-based snacks for supermarkets.')]],
  ]);
  const outreach = new OutreachService({
    db: services.db,
    sender: () => senderProfile,
    companyFacts: () => facts,
    now: () => NOW,
  });
  const people = (company: string, companyId: number, domain: string) => [
    { firstName: 'Jane', lastName: company, email: `jane@${domain}`, title: 'VP of Sales', company, companyId },
    { firstName: 'Tom', lastName: company, email: `tom@${domain}`, title: 'Data Analyst', company, companyId },
  ];
  const { importId, leadIds } = seedImport(services.db, [
    ...people('Acme', acme, 'acme.example'),
    ...people('Beta Foods', beta, 'betafoods.example'),
    ...people('Gamma Freight', gamma, 'gammafreight.example'),
    {
      firstName: 'Ola',
      lastName: 'Nowak',
      email: 'ola@gammafreight.example',
      company: 'Gamma Freight',
      companyId: gamma,
    },
  ]);
  return { services, outreach, importId, leadIds };
}

/** What a reader trips over that the lint cannot name: a template part that rendered empty. */
function expectReadsWhole(text: string) {
  expect(text).not.toMatch(/\{\{|\}\}|\s[.,;:?]|\.\.|, ,|^\s*[.,]|\bthis\.|\bthat\./m);
  expect(text).not.toMatch(/\n{3,}/);
}

describe.each(BUILTIN_TEMPLATES.map((template) => [template.name]))(
  'the built-in template %s, read against rich, thin and no facts',
  (name) => {
    it('writes a clean email for every lead it can ground, and holds back the one it cannot', async () => {
      const { services, outreach, importId, leadIds } = workspace();
      const result = await outreach.draftImport(importId, { template: name });
      expect(result.drafted).toBe(6);
      const drafts = outreach.list({ importId });
      for (const draft of drafts) {
        const label = `${name} → ${draft.toName} at ${draft.company}`;
        expect(draft.lint, label).toEqual([]);
        expectReadsWhole(draft.subject);
        expectReadsWhole(draft.body);
        expect(draft.body, label).toContain(sender.valueProposition);
      }
      const byCompany = (company: string) => drafts.filter((d) => d.company === company);
      // Rich: one fact, the strongest the template reads; thin: what the company does; none: only the lead's row.
      for (const draft of byCompany('Acme')) expect(draft.facts.length).toBe(1);
      for (const draft of byCompany('Beta Foods'))
        expect(draft.facts.map((f) => f.text)).toEqual(['Beta Foods makes plant-based snacks for supermarkets.']);
      for (const draft of byCompany('Gamma Freight')) {
        expect(draft.facts).toEqual([]);
        expect(draft.body).not.toMatch(/read|news|congrat/i);
      }
      expect(byCompany('Gamma Freight').map((d) => d.to)).toEqual([
        'jane@gammafreight.example',
        'tom@gammafreight.example',
      ]);

      const ola = leadIds.at(-1)!;
      const reason =
        'Gamma Freight has no usable fact yet (look the company up first), and the lead has no title: a draft would say nothing about this person.';
      expect(result.heldBack).toEqual([{ leadId: ola, reason }]);
      expect(
        services.leads.getLead(ola).activities.map((a) => (a.kind === 'imported' ? a.kind : [a.kind, a.detail])),
      ).toEqual(['imported', ['draft_held_back', { reason }]]);
    });

    it('without a value proposition, writes only the leads it has a company fact for, and never points at what is missing', async () => {
      const { outreach, importId } = workspace({ ...sender, valueProposition: '' });
      const result = await outreach.draftImport(importId, { template: name });
      const noValueProposition =
        /^Gamma Freight has no usable fact yet .* and the sender profile has no value proposition \(Settings → Sender profile\): /;
      expect(result.heldBack.map((held) => held.reason)).toEqual([
        expect.stringMatching(noValueProposition),
        expect.stringMatching(noValueProposition),
        expect.stringMatching(
          /^Gamma Freight has no usable fact yet .* and the sender profile has no value proposition \(Settings → Sender profile\) and the lead has no title: /,
        ),
      ]);
      for (const draft of outreach.list({ importId })) {
        expect(draft.company).not.toBe('Gamma Freight');
        expect(draft.lint.filter((w) => w.rule === 'dangling_reference')).toEqual([]);
        expect(draft.body).not.toMatch(/\bit fits\b/);
        expectReadsWhole(draft.body);
      }
    });
  },
);

describe('drafting with an empty sender profile', () => {
  it('stops before writing anything, naming the sender settings', async () => {
    const { outreach, importId } = workspace(EMPTY_SENDER);
    await expect(outreach.draftImport(importId)).rejects.toMatchObject({
      code: 'sender_profile_empty',
      message: expect.stringContaining('Settings → Sender profile'),
    });
    expect(outreach.list()).toEqual([]);
  });

  it('is the error the app shows for its drafting job, until the profile is filled in', async () => {
    const { services, importId } = workspace();
    const handlers = createHandlers(services);
    const refused = await dispatch(handlers, 'drafts:generate', { importId });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'sender_profile_empty', message: expect.stringContaining('Settings → Sender profile') },
    });
    services.settings.update({ sender: { name: 'Sam Carter', valueProposition: sender.valueProposition } });
    expect(await dispatch(handlers, 'drafts:generate', { importId })).toMatchObject({
      ok: true,
      data: { drafted: 6, heldBack: [{ leadId: expect.any(Number), reason: expect.any(String) }] },
    });
  });
});

describe('built-in templates of a database made by an earlier version', () => {
  it('take the current words when nobody edited them, and keep the analyst’s when someone did', () => {
    const { services, outreach } = workspace();
    const oldBody = '{{greeting}}\n\n{{role.line}}\n\nWould a call help?';
    // Written a while ago, as an earlier version wrote them.
    services.db
      .prepare(
        "UPDATE outreach_templates SET created_at = '2025-01-01T00:00:00.000Z', updated_at = '2025-01-01T00:00:00.000Z'",
      )
      .run();
    services.db.prepare("UPDATE outreach_templates SET body = ? WHERE name = 'brief'").run(oldBody);
    const edited = { ...outreach.templates.get('role-first'), body: `${oldBody}\n\nThanks` };
    outreach.templates.update('role-first', edited);
    const reopened = new TemplateStore(services.db);
    expect(reopened.get('brief').body).toBe(BUILTIN_TEMPLATES.find((t) => t.name === 'brief')!.body);
    expect(reopened.get('role-first').body).toBe(edited.body);
  });
});
