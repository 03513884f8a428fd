import {
  BODY_WORD_LIMITS,
  BODY_WORD_MINIMUM,
  SUBJECT_CHARACTER_LIMIT,
  type DraftFact,
  type DraftLength,
  type LintWarning,
} from '../draft-schema';
import type { SenderProfile } from '../../settings/schema';
import type { LeadProfile } from '../compose/draft-context';
import { ungroundedClaims } from './claims';
import { foreignLinks, ownHosts } from './links';
import { danglingReferences } from './dangling-references';
import { staleNews } from './stale-news';

export interface LintInput {
  subject: string;
  body: string;
  facts: readonly DraftFact[];
  lead: Pick<LeadProfile, 'firstName' | 'fullName' | 'title' | 'company' | 'domain' | 'email'>;
  sender: SenderProfile;
  length?: DraftLength;
  /** When the draft is read, for "a fact older than a year presented as news" (default: now). */
  now?: Date;
}

/** A company named more often than this in one email reads like a form letter. */
const COMPANY_MENTIONS_LIMIT = 2;

const PLACEHOLDER =
  /\{\{[^}]*\}\}\}?|\[\s*(?:first[ _]?name|last[ _]?name|full[ _]?name|name|company(?:[ _]name)?|title|job title|your name|sender|recipient|insert[^\]]*)\s*\]|<\s*(?:first_?name|last_?name|name|company)\s*>|%[A-Z][A-Z_]+%|\{(?:first_?name|last_?name|name|company|title)\}/gi;

/** Phrases that read as spam to people and to filters (from common spam-trigger lists). */
const SPAM_PHRASES = [
  'act now',
  'act fast',
  'limited time',
  'urgent',
  'once in a lifetime',
  'risk-free',
  'risk free',
  'no obligation',
  'guaranteed',
  'guarantee',
  '100% free',
  'totally free',
  'free money',
  'click here',
  'click below',
  'buy now',
  'order now',
  'earn money',
  'make money',
  'double your',
  'cash bonus',
  'winner',
  'you have been selected',
  'congratulations, you',
  'special promotion',
  'exclusive deal',
  'best price',
  'lowest price',
  'no cost',
  'apply now',
  'call now',
  'don’t miss out',
  "don't miss out",
  'miracle',
  'amazing opportunity',
  'increase sales',
  'dear friend',
];
const SPAM_PATTERN = new RegExp(`\\b(?:${SPAM_PHRASES.map(escapeRegExp).join('|')})\\b|!{2,}|\\$\\$+`, 'gi');
const SHOUTING = /\b[A-Z]{5,}\b/g;

/** Checks a draft; every warning says what is wrong and which characters of the subject or body it concerns. */
export function lintDraft(input: LintInput): LintWarning[] {
  const warnings: LintWarning[] = [];
  const theirsAndYours = ownHosts(input);
  for (const field of ['subject', 'body'] as const) {
    const text = input[field];
    const placeholders = [...text.matchAll(PLACEHOLDER)];
    for (const match of placeholders) {
      warnings.push(
        at(
          field,
          match.index,
          match[0],
          'unresolved_placeholder',
          `Unresolved placeholder ${match[0]}: fill it in or remove it.`,
        ),
      );
    }
    // `{{lead.firstName}}` is domain-shaped too; it is reported once, as the placeholder it is.
    const inPlaceholder = (link: { start: number; end: number }) =>
      placeholders.some((p) => link.start < p.index + p[0].length && p.index < link.end);
    for (const link of foreignLinks(text, theirsAndYours)) {
      if (!inPlaceholder(link))
        warnings.push(
          at(
            field,
            link.start,
            text.slice(link.start, link.end),
            'foreign_link',
            'A link, domain or address that is neither the lead’s nor yours: remove it.',
          ),
        );
    }
    for (const match of text.matchAll(SPAM_PATTERN)) {
      warnings.push(
        at(field, match.index, match[0], 'spam_phrase', `"${match[0]}" reads as spam to people and to filters.`),
      );
    }
    const ownWords = `${input.lead.company} ${input.sender.company}`;
    for (const match of text.matchAll(SHOUTING)) {
      if (!ownWords.includes(match[0]))
        warnings.push(at(field, match.index, match[0], 'spam_phrase', `"${match[0]}" in capitals reads as shouting.`));
    }
    const own = [
      input.sender.valueProposition,
      input.sender.signature,
      input.sender.company,
      input.lead.title,
      input.lead.company,
    ];
    const names = [input.lead.fullName, input.lead.firstName, input.sender.name];
    for (const claim of ungroundedClaims(text, { facts: input.facts, own, names })) {
      warnings.push(
        at(
          field,
          claim.start,
          claim.text,
          'ungrounded_claim',
          'This sentence states something no listed fact supports: add a source or remove it.',
        ),
      );
    }
    for (const word of danglingReferences(text, field)) {
      warnings.push(
        at(
          field,
          word.start,
          word.text,
          'dangling_reference',
          `"${word.text}" points back at something the reader has not been told yet: say what it is.`,
        ),
      );
    }
    for (const sentence of staleNews(text, input.facts, input.now ?? new Date(), field)) {
      warnings.push(
        at(
          field,
          sentence.start,
          sentence.text,
          'stale_news',
          'This presents as news an event more than a year old: say when it happened, or leave it out.',
        ),
      );
    }
  }
  warnings.push(...lengthWarnings(input), ...personalDetailWarnings(input), ...repeatedCompanyWarnings(input));
  return warnings.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'subject' ? -1 : 1));
}

function lengthWarnings({ subject, body, length = 'medium' }: LintInput): LintWarning[] {
  const warnings: LintWarning[] = [];
  if (subject.length > SUBJECT_CHARACTER_LIMIT) {
    warnings.push(
      at(
        'subject',
        SUBJECT_CHARACTER_LIMIT,
        subject.slice(SUBJECT_CHARACTER_LIMIT),
        'too_long',
        `The subject is ${subject.length} characters; keep it under ${SUBJECT_CHARACTER_LIMIT}.`,
      ),
    );
  }
  const limit = BODY_WORD_LIMITS[length];
  const words = [...body.matchAll(/\S+/g)];
  const firstOver = words[limit];
  if (firstOver) {
    warnings.push(
      at(
        'body',
        firstOver.index,
        body.slice(firstOver.index),
        'too_long',
        `The body has ${words.length} words; a ${length} email has at most ${limit}.`,
      ),
    );
  }
  if (words.length < BODY_WORD_MINIMUM) {
    warnings.push(
      at(
        'body',
        0,
        body,
        'too_short',
        `The body has ${words.length} words; under ${BODY_WORD_MINIMUM} it says too little to be about the person.`,
      ),
    );
  }
  return warnings;
}

/** The lead's company named more than twice in the body: the third and later mentions are flagged. */
function repeatedCompanyWarnings({ body, lead }: LintInput): LintWarning[] {
  const company = lead.company.trim();
  if (!company) return [];
  const mentions = [...body.matchAll(new RegExp(escapeRegExp(company), 'gi'))];
  return mentions
    .slice(COMPANY_MENTIONS_LIMIT)
    .map((match) =>
      at(
        'body',
        match.index,
        match[0],
        'repeated_company',
        `${company} is named ${mentions.length} times; more than ${COMPANY_MENTIONS_LIMIT} reads like a form letter.`,
      ),
    );
}

function personalDetailWarnings({ body, lead, facts }: LintInput): LintWarning[] {
  const warnings: LintWarning[] = [];
  const firstLine = body.match(/^[^\n]*/)?.[0] ?? '';
  const name = lead.firstName || lead.fullName;
  if (!name || !body.includes(name)) {
    warnings.push(
      at(
        'body',
        0,
        firstLine,
        'missing_personal_detail',
        name ? `The email never uses ${name}'s name.` : 'The lead has no name: the greeting is generic.',
      ),
    );
  }
  const mentionsThem = [lead.company, lead.title].some((detail) => detail && body.includes(detail)) || facts.length > 0;
  if (!mentionsThem) {
    warnings.push(
      at(
        'body',
        0,
        body,
        'missing_personal_detail',
        'Nothing in the email is specific to this person: mention their company, role or a fact about the company.',
      ),
    );
  }
  return warnings;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function at(
  field: 'subject' | 'body',
  start: number,
  text: string,
  rule: LintWarning['rule'],
  message: string,
): LintWarning {
  return { rule, message, field, start, end: start + text.length, text };
}
