import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../src/core/outreach/review/lint';
import type { DraftFact } from '../../src/core/outreach/draft-schema';
import { lead, sender } from '../fixtures/outreach/facts';

let nextId = 1;
const fact = (text: string, trigger: DraftFact['trigger'] = null): DraftFact => ({
  id: nextId++,
  text,
  sourceUrl: `https://news.example.com/${nextId}`,
  trigger,
});

function lint(body: string, facts: DraftFact[] = []) {
  return lintDraft({
    subject: 'A question, Jane',
    body: `Hi Jane,\n\n${body}\n\n${sender.signature}`,
    facts,
    lead: lead(),
    sender,
  });
}
const flagged = (body: string, facts: DraftFact[] = []) =>
  lint(body, facts)
    .filter((w) => w.rule === 'ungrounded_claim')
    .map((w) => w.text);

describe('ownership and status are claims that need a fact naming the owner', () => {
  it.each([
    'Acme, a Google company, is growing fast.',
    'Since Acme became an Alphabet company, the team has grown.',
    'Acme is part of Globex Holdings.',
    'Acme is owned by Initech.',
    'Now that Acme was acquired by Hooli, priorities change.',
    'Acme is a subsidiary of Umbrella Corp.',
    'Acme is backed by Sequoia.',
    'As a Sequoia-backed team, Acme moves fast.',
    'Acme was bought by Globex.',
    // Other ways of saying who owns it.
    'Acme was taken over by Oracle last year.',
    'Oracle took over Acme last year.',
    'Acme belongs to Oracle now.',
    'Acme was absorbed into Oracle.',
    'Acme is controlled by Oracle.',
    'Oracle owns Acme outright.',
    'Acme, which Oracle owns, is growing.',
    'Acme is an Oracle portfolio company.',
    'Acme is a portfolio company of Sequoia.',
    'Acme has a new parent, Oracle.',
    'Acme is now under Oracle ownership.',
    // Its standing as a business.
    'I read that Acme went bankrupt.',
    'Acme is shutting down its payroll line.',
    'Acme filed for insolvency in May.',
    'Acme went public this spring.',
  ])('"%s" with no fact is flagged', (sentence) => {
    expect(flagged(sentence)).toEqual([sentence]);
  });

  it('the issue’s answer: "a Google company", and a domain, are both flagged', () => {
    const warnings = lint('Acme is a Google company, and customers move over at Evil.Shop.', [
      fact('Acme raised $20M in a Series B round led by Index Ventures', 'funding'),
    ]);
    expect(warnings.map((w) => [w.rule, w.text])).toEqual(
      expect.arrayContaining([
        ['ungrounded_claim', 'Acme is a Google company, and customers move over at Evil.Shop.'],
        ['foreign_link', 'Evil.Shop'],
      ]),
    );
  });

  it('is grounded by a fact that states it, naming the same owner', () => {
    const acquired = fact('Acme was acquired by Hooli in March');
    expect(flagged('Now that Acme was acquired by Hooli, priorities change.', [acquired])).toEqual([]);
    expect(flagged('Acme, part of Hooli, knows research well.', [fact('Acme is now part of Hooli')])).toEqual([]);
    expect(flagged('Oracle took over Acme last year.', [fact('Oracle took over Acme in 2024')])).toEqual([]);
    expect(flagged('I read that Acme went bankrupt.', [fact('Acme filed for bankruptcy in May')])).toEqual([]);
  });

  it('a claim names only entities of the facts that support it', () => {
    const acquired = fact('Acme was acquired by Hooli in March');
    const partnership = fact('Acme partners with Globex', 'partnership');
    // Another owner than the fact's.
    expect(flagged('Now that Acme was acquired by Google, priorities change.', [acquired])).toHaveLength(1);
    // Globex is in a fact, but one about a partnership, not an acquisition.
    expect(flagged('Now that Acme was acquired by Globex, priorities change.', [acquired, partnership])).toHaveLength(
      1,
    );
    // An investor the funding fact does not name.
    expect(
      flagged('Congrats on the Series B led by Accel.', [
        fact('Acme raised $20M in a Series B round led by Index Ventures', 'funding'),
      ]),
    ).toHaveLength(1);
    expect(
      flagged('Congrats on the Series B led by Index Ventures.', [
        fact('Acme raised $20M in a Series B round led by Index Ventures', 'funding'),
      ]),
    ).toEqual([]);
  });

  it('plain words are not claims: "as part of", "a payroll company", names of the lead and the sender', () => {
    expect(
      flagged('As part of your plans for the year, a payroll company like Acme may want faster research.'),
    ).toEqual([]);
    expect(flagged('Your team owns the roadmap, and under your lead a portfolio of products took shape.')).toEqual([]);
    expect(
      flagged('Jane, Sam Carter here from Northwind: congrats on the launch.', [
        fact('Acme launches Ledger', 'launch'),
      ]),
    ).toEqual([]);
  });
});

describe('the link check in the lint', () => {
  it('marks each foreign link where it is, in the text as written', () => {
    const body =
      'We compared notes on ｅｖｉｌ．ｓｈｏｐ and on acme.example.loginsteal.shop, and wrote to press@rival.example.';
    const text = `Hi Jane,\n\n${body}\n\n${sender.signature}`;
    const links = lint(body).filter((w) => w.rule === 'foreign_link');
    expect(links.map((w) => text.slice(w.start, w.end))).toEqual([
      'ｅｖｉｌ．ｓｈｏｐ',
      'acme.example.loginsteal.shop',
      'press@rival.example',
    ]);
  });

  it('allows the lead’s and the sender’s domains, and reports a placeholder once, as a placeholder', () => {
    expect(
      lint('Your careers page on Careers.Acme.Example and my notes on northwind.example/acme.').filter(
        (w) => w.rule === 'foreign_link',
      ),
    ).toEqual([]);
    const rules = lint('Hello {{lead.nickname}}.').map((w) => w.rule);
    expect(rules.filter((r) => r === 'foreign_link')).toEqual([]);
    expect(rules).toContain('unresolved_placeholder');
  });
});
