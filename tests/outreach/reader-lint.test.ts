import { describe, expect, it } from 'vitest';
import { lintDraft } from '../../src/core/outreach/review/lint';
import type { DraftFact, LintRule } from '../../src/core/outreach/draft-schema';
import { NOW, lead, sender } from '../fixtures/outreach/facts';

const MIDDLE =
  'We help revenue teams research accounts in minutes instead of hours, so the hours your team saves go back into talking to buyers and preparing for the calls that matter most this quarter.';
const CLOSE =
  'Would a 15-minute call next week be useful to see whether it fits your team?\n\nBest,\nSam Carter\nNorthwind Research';

function lint(words: { subject?: string; body: string; facts?: DraftFact[] }) {
  return lintDraft({
    subject: words.subject ?? 'Northwind Research for Acme',
    body: words.body,
    facts: words.facts ?? [],
    lead: lead(),
    sender,
    now: NOW,
  });
}

const rules = (warnings: ReturnType<typeof lint>, rule: LintRule) => warnings.filter((w) => w.rule === rule);

describe('the lint reads a draft as its reader would', () => {
  it('accepts a whole email of the right length', () => {
    expect(
      lint({
        body: `Hi Jane,\n\nAs VP of Sales at Acme, you decide how your team prepares for calls.\n\n${MIDDLE}\n\n${CLOSE}`,
      }),
    ).toEqual([]);
  });

  it('flags "this" with nothing before it: the sentence a template leaves when the company has no fact', () => {
    const body = `Hi Jane,\n\nAs VP of Sales at Acme, you are probably the right person to talk to about this.\n\n${MIDDLE}\n\n${CLOSE}`;
    const [warning] = rules(lint({ body }), 'dangling_reference');
    expect(warning).toMatchObject({ field: 'body', text: 'this' });
    expect(body.slice(warning!.start, warning!.end)).toBe('this');
    expect(
      rules(
        lint({ body: `Hi Jane,\n\nI thought this might be relevant to your work.\n\n${MIDDLE}\n\n${CLOSE}` }),
        'dangling_reference',
      ),
    ).toHaveLength(1);
    expect(
      rules(
        lint({
          subject: 'A quick word about this',
          body: `Hi Jane,\n\nAs VP of Sales at Acme, you decide how your team prepares.\n\n${MIDDLE}\n\n${CLOSE}`,
        }),
        'dangling_reference',
      ),
    ).toMatchObject([{ field: 'subject' }]);
  });

  it('leaves alone a reference that has something before it, and "this" or "that" that point at nothing', () => {
    const body = `Hi Jane,\n\nI read that Acme is hiring this week.\n\n${MIDDLE} That is why I am writing.\n\n${CLOSE}`;
    expect(rules(lint({ body }), 'dangling_reference')).toEqual([]);
  });

  it('flags the company named more than twice, at its third mention', () => {
    const body = `Hi Jane,\n\nAs VP of Sales at Acme, you decide how Acme prepares for calls.\n\n${MIDDLE}\n\nWould a call help ACME next week?\n\nBest,\nSam Carter\nNorthwind Research`;
    const warnings = rules(lint({ body }), 'repeated_company');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      text: 'ACME',
      message: 'Acme is named 3 times; more than 2 reads like a form letter.',
    });
  });

  it('flags a subject over 60 characters and a body outside 50 to 150 words', () => {
    const subject = 'A long subject line that keeps going well past what an inbox shows';
    expect(rules(lint({ subject, body: `Hi Jane,\n\n${MIDDLE}\n\n${CLOSE}` }), 'too_long')).toMatchObject([
      { field: 'subject', start: 60 },
    ]);
    expect(
      rules(lint({ body: 'Hi Jane,\n\nAs VP of Sales at Acme, would a short call help?\n\nSam' }), 'too_short'),
    ).toMatchObject([{ message: 'The body has 14 words; under 50 it says too little to be about the person.' }]);
    const long = `Hi Jane,\n\n${Array.from({ length: 8 }, () => MIDDLE).join(' ')}\n\n${CLOSE}`;
    expect(rules(lint({ body: long }), 'too_long')).toMatchObject([{ field: 'body' }]);
  });

  it('flags an email with nothing personal in it', () => {
    const body = `Hello,\n\n${MIDDLE}\n\n${CLOSE}`;
    expect(rules(lint({ body }), 'missing_personal_detail').map((w) => w.message)).toEqual([
      "The email never uses Jane's name.",
      'Nothing in the email is specific to this person: mention their company, role or a fact about the company.',
    ]);
  });

  it('flags an event more than a year old presented as news, in the body and the subject', () => {
    const oldRound: DraftFact = {
      id: 7,
      text: 'Acme raised $20M in a Series B round',
      sourceUrl: 'https://news.example.com/7',
      trigger: 'funding',
      date: '2024-03-01',
    };
    const body = `Hi Jane,\n\nCongratulations on the news: Acme raised $20M in a Series B round.\n\n${MIDDLE}\n\n${CLOSE}`;
    const warnings = rules(lint({ subject: 'Congrats on the funding, Jane', body, facts: [oldRound] }), 'stale_news');
    expect(warnings.map((w) => [w.field, w.text])).toEqual([
      ['subject', 'Congrats on the funding, Jane'],
      ['body', 'Congratulations on the news: Acme raised $20M in a Series B round.'],
    ]);
    // The same round, recent, is news; and an old one told as history is not presented as news.
    expect(rules(lint({ body, facts: [{ ...oldRound, date: '2025-05-10' }] }), 'stale_news')).toEqual([]);
    expect(
      rules(
        lint({ body: body.replace('Congratulations on the news: ', 'In March 2024, '), facts: [oldRound] }),
        'stale_news',
      ),
    ).toEqual([]);
  });
});
