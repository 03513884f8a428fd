import type { DraftContext } from './draft-context';
import type { GroundingFact, WhyNowKind } from './grounding-fact';
import { usableFacts } from './usable-facts';
import { roleFromTitle } from './role';

const LEAD_IN: Record<WhyNowKind, string> = {
  funding: 'Congratulations on the news:',
  launch: 'I saw the launch news:',
  partnership: 'I noticed the partnership news:',
  expansion: 'I read that',
  hire: 'I saw that',
};

const SUBJECT: Record<WhyNowKind, string> = {
  funding: 'Congrats on the funding',
  launch: 'Congrats on the launch',
  partnership: 'Congrats on the partnership',
  expansion: 'Congrats on the expansion',
  hire: 'Your new hire',
};

/**
 * Every name a template may use, as a tree. Templates are checked against it when saved, and a name that
 * is not here stays visible in the draft (the lint flags it) rather than silently rendering as nothing.
 */
export const TEMPLATE_VARIABLES = {
  greeting: true,
  lead: { firstName: true, lastName: true, fullName: true, title: true, company: true, city: true, country: true },
  sender: { name: true, company: true, email: true, valueProposition: true, signature: true, signoff: true },
  role: { area: true, line: true },
  whyNow: { kind: true, text: true, line: true, subject: true },
  about: { text: true, line: true },
} as const;

export interface TemplateView {
  view: Record<string, unknown>;
  /** The facts the rendered text actually read, in the order first read. */
  usedFacts(): GroundingFact[];
}

/**
 * The values a template renders from. Company facts are reachable only through getters that record the
 * read, so the draft's fact list is exactly the facts its words came from.
 */
export function buildTemplateView(context: DraftContext): TemplateView {
  const { lead, sender, facts, now } = context;
  const used = new Map<number, GroundingFact>();
  const read = (fact: GroundingFact) => {
    if (!used.has(fact.id)) used.set(fact.id, fact);
  };
  const { whyNow: whyNowFact, about: aboutFact } = usableFacts(facts, now);
  const role = roleFromTitle(lead.title);

  const view: Record<string, unknown> = {
    greeting: lead.firstName ? `Hi ${lead.firstName},` : 'Hello,',
    lead: {
      firstName: lead.firstName,
      lastName: lead.lastName,
      fullName: lead.fullName,
      title: lead.title,
      company: lead.company,
      city: lead.city,
      country: lead.country,
    },
    sender: {
      ...sender,
      valueProposition: asSentence(sender.valueProposition),
      signoff: sender.signature.trim() || [sender.name, sender.company].filter(Boolean).join('\n'),
    },
    role: { area: role.area ?? '', line: roleLine(lead.title, lead.company, role) },
    whyNow: whyNowFact ? whyNowView(whyNowFact, read) : null,
    about: aboutFact ? aboutView(aboutFact, lead.company, read) : null,
  };
  return { view, usedFacts: () => [...used.values()] };
}

function whyNowView(fact: GroundingFact, read: (fact: GroundingFact) => void) {
  const kind = fact.trigger!;
  return {
    kind,
    get text() {
      read(fact);
      return fact.text;
    },
    get line() {
      read(fact);
      return `${LEAD_IN[kind]} ${asSentence(fact.text)}`;
    },
    get subject() {
      read(fact);
      return SUBJECT[kind];
    },
  };
}

function aboutView(fact: GroundingFact, company: string, read: (fact: GroundingFact) => void) {
  return {
    get text() {
      read(fact);
      return fact.text;
    },
    get line() {
      read(fact);
      return `From what I've read, ${lowerFirstWordUnlessName(asSentence(fact.text), company)}`;
    },
  };
}

/**
 * A sentence that stands on its own wherever a template puts it: it points at nothing before it ("this",
 * "that"), so it reads whole as a draft's first line when the company has no fact to open with.
 */
function roleLine(title: string, company: string, role: ReturnType<typeof roleFromTitle>): string {
  if (!title) return '';
  const at = company ? ` at ${company}` : '';
  if (role.leads)
    return `I am writing to you because, as ${title}${at}, you are likely the one who decides which tools your team adopts.`;
  return `I am writing to you because your work as ${title}${at} is close to what we do.`;
}

/** "we help teams do x" → "We help teams do x." */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function lowerFirstWordUnlessName(sentence: string, company: string): string {
  if (company && sentence.startsWith(company)) return sentence;
  return sentence[0]!.toLowerCase() + sentence.slice(1);
}
