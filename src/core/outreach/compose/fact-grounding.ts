import { fundingEventSchema, newsEventSchema, type Fact } from '../../intel/domain';
import { WHY_NOW_KINDS, type GroundingFact, type WhyNowKind } from './grounding-fact';
import { sanitizeLabel, sanitizeWebText } from './sanitize';

/**
 * Turns a company's stored facts into statements a draft may make. Structured values (a funding round,
 * a news event) are re-worded from their fields; anything else uses the fact's one-line text. All of it
 * is web text, so all of it is sanitised; a fact with nothing safe left, or with no source, is dropped.
 */
export function toGroundingFacts(facts: readonly Fact[], companyName: string): GroundingFact[] {
  const grounded: GroundingFact[] = [];
  for (const fact of facts) {
    if (!fact.source.url || fact.id <= 0) continue;
    const statement = describe(fact, companyName);
    if (!statement || !statement.text) continue;
    grounded.push({
      id: fact.id,
      section: fact.section,
      kind: fact.kind,
      trigger: statement.trigger,
      text: statement.text,
      sourceUrl: fact.source.url,
      date: statement.date ?? fact.source.publishedDate,
      confidence: fact.confidence,
    });
  }
  return grounded;
}

type Statement = { text: string; trigger: WhyNowKind | null; date: string | null };

function describe(fact: Fact, companyName: string): Statement | null {
  const funding = fact.section === 'funding' ? fundingEventSchema.safeParse(fact.value) : null;
  if (funding?.success) {
    return { text: describeFunding(funding.data, companyName), trigger: 'funding', date: funding.data.date };
  }
  const news = fact.section === 'news' ? newsEventSchema.safeParse(fact.value) : null;
  if (news?.success) {
    const trigger = (WHY_NOW_KINDS as readonly string[]).includes(news.data.trigger)
      ? (news.data.trigger as WhyNowKind)
      : null;
    return { text: sanitizeLabel(news.data.title, 160), trigger, date: news.data.date };
  }
  // The description reads as a sentence on its own ("Acme builds ..."), not as its one-line "description: Acme builds ...".
  if (fact.section === 'overview' && fact.kind === 'description' && typeof fact.value === 'string') {
    return { text: sanitizeWebText(fact.value), trigger: null, date: null };
  }
  // Other overview fields, executives, custom fields: their one-line text.
  return { text: sanitizeWebText(fact.text), trigger: null, date: null };
}

function describeFunding(
  event: { round: string | null; amount: number | null; currency: string | null; leadInvestors: string[] },
  companyName: string,
): string {
  const company = companyName || 'The company';
  const amount = event.amount !== null ? ` ${formatAmount(event.amount, event.currency)}` : '';
  const round = event.round ? sanitizeLabel(event.round, 40).replace(/\s+round$/i, '') : '';
  const what = amount
    ? `raised${amount}${round ? ` in a ${round} round` : ''}`
    : round
      ? `closed a ${round} round`
      : 'raised new funding';
  const leads = event.leadInvestors.map((name) => sanitizeLabel(name, 60)).filter(Boolean);
  return `${company} ${what}${leads.length ? ` led by ${joinNames(leads)}` : ''}`;
}

const CURRENCY_SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

export function formatAmount(amount: number, currency: string | null): string {
  const scaled =
    amount >= 1e9
      ? `${trim(amount / 1e9)}B`
      : amount >= 1e6
        ? `${trim(amount / 1e6)}M`
        : amount >= 1e3
          ? `${trim(amount / 1e3)}K`
          : String(amount);
  const code = (currency ?? 'USD').toUpperCase();
  const symbol = CURRENCY_SYMBOL[code];
  return symbol ? `${symbol}${scaled}` : `${code} ${scaled}`;
}

function trim(value: number): string {
  return Number(value.toFixed(1)).toString();
}

function joinNames(names: string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
