import type { CompanyTarget } from '../component';
import { findDate } from '../dates';
import { isTargetOrganisation } from './organisations';
import { moneyIn, type Money } from './money';
import { escapeRegExp } from '../text';

/**
 * Rounds as one sentence states them: each round name with the amount written next to it, each amount
 * that a round raised, and the date written with it. Which company raised them is for the caller to judge.
 */
export interface RoundStatement {
  round: string | null;
  money: Money | null;
  /** The date written with this round, else null (the caller may fall back to the page's date). */
  date: string | null;
  /**
   * The stretch of the sentence that is about this round: from the end of the round named before it to the
   * start of the round named after it ("$50M Series C, after a Series B led by Sequoia": Sequoia is the B's).
   */
  clause: string;
  /** The month written with the round when neither it nor the page gives the year ("raised €105 million in June"), as "06". */
  month: string | null;
}

export const ROUND =
  /\b(pre-seed(?!-\p{L})|seed(?!-\p{L})(?:\+|\s(?:extension|plus))?|(?:pre-)?serie[sn]?[\s-][a-k](?:-?\d)?(?:\+|\s(?:extension|prime))?|angel(?=\s(?:round|funding|financing|investment))|growth(?:\s(?:equity|round))|bridge|mezzanine|debt\s(?:financing|round)|convertible\s(?:bond|note)|private\splacement|ipo|initial\spublic\soffering)(?![\p{L}\d])(?!\s(?:Fund|Funds|Capital|Ventures|Partners|Investors|Camp|Club)\b)(?:\s(?:funding|financing|investment|equity)?\s?round)?/giu;
export const ROUND_NAMED = new RegExp(ROUND.source, 'iu');

/** The round a stretch of text names, as written ("Series B", "Seed", "Series A-1"), capitalised. */
export function roundName(text: string): string | null {
  const m = ROUND_NAMED.exec(text);
  if (!m) return null;
  return (
    m[1]!
      .replace(/\s+/g, ' ')
      // "pre-Series A" is a round of its own before the Series A, never the Series A.
      .replace(
        /^(pre-)?serie[sn]?[\s-]([a-k])/i,
        (_, pre: string | undefined, letter: string) => `${pre ? 'Pre-' : ''}Series ${letter.toUpperCase()}`,
      )
      .replace(/^private placement/i, 'Private Placement')
      .replace(/^(pre-seed|seed|angel|growth|bridge|mezzanine|debt|convertible|ipo)/i, (w) =>
        w.toLowerCase() === 'ipo' ? 'IPO' : w[0]!.toUpperCase() + w.slice(1).toLowerCase(),
      )
  );
}

/** Words a company's full name may add to the name it is looked up by ("Anduril Industries" for Anduril). */
const FORM_WORDS =
  /^(?:\s(?:Industries|Technologies|Technology|Labs|AI|Inc|Corp|Corporation|Group|Holdings|Company|Co))+$/;

/**
 * Whether an organisation named as raising is the target: the target by its names, or the target's name with
 * a word of its legal or full form after it ("Anduril Industries has raised" on a lookup of "Anduril"), unless
 * that longer name is a namesake's.
 */
export function isTargetRaiser(name: string, target: CompanyTarget): boolean {
  if (isTargetOrganisation(name, target)) return true;
  if (target.others.some((other) => other === name)) return false;
  return [target.name, ...target.aliases].some(
    (own) => name.startsWith(`${own} `) && FORM_WORDS.test(name.slice(own.length)),
  );
}

/** An amount that is not a round's: a running total, a valuation, revenue, a fund, a grant or a loan to someone else. */
const NOT_ROUND_BEFORE =
  /\b(?:(?:debt|credit|loan)\s(?:facility|line)|credit\sline|loan|total(?:ing|ling)?|to\sdate|in\sall|altogether|cumulative|valu(?:ation|ing|ed|es|e)|invest(?:s|ed|ing)|consist(?:s|ing)\sof|compris(?:es|ing)|of\swhich|stake|worth|post-money|pre-money|market\s(?:cap|value)|revenue|sales|arr\b|run-rate|income|profits?|loss(?:es)?|planned\s(?:investment|spending)|earmarked|fund\s[ivx\d]+|(?:its|a|new|\w+th|first|second|third)\s(?:venture\s|growth\s|flagship\s)?funds?\b|grant|contract|award|prize|acquir|acqui|bought|buy|deal\sworth|tender|buyback|secondary|tranches?|jeweils|bisher|bislang|seit|Bewertung|bewertet)\b/i;
/**
 * Words after an amount that make it no round's: "$12 billion valuation", "$225,000 SBIR grant", "$1.3 billion raised
 * overall", "$46 Mn invested across three deals" (a sum of several companies' rounds).
 */
const NOT_ROUND_AFTER =
  /^\s?(?:(?:(?!(?:and|but|while|which)\s)[\w-]+\s){0,4}(?:valuation|bewertet|Bewertung|grant|contract|award|loan|facility|(?:debt|credit)\s(?:facility|line)|(?<!\bto\s)fund\b|tender|stake\b|in\s(?:revenue|sales|annual)|ARR|revenue|billings|bookings|earnings|a\syear(?!\s(?:ago|earlier|before|later)\b)|per\s)|total\b|each\b|apiece\b|into\s|(?:in\s\w+\s)?since\b|.{0,40}\b(?:overall|in\stotal|to\sdate|so\sfar|altogether|in\sall)\b|in\s(?:the\sbank|cash|savings)\b|on\shand\b|in\s(?:federal|government|public|state|provincial|municipal)\s|(?:(?:invested|raised|spread|deployed)\s)?(?:in|across|over|from)\s(?:(?:its|the|his|her|their|several|multiple|many|previous|prior|earlier|past|\w+)\s){0,3}(?:funding\s|financing\s|investment\s)?(?:rounds|deals|startups|companies)\b)/i;
/**
 * Words just after an amount that make it money the company spends, earns or owes rather than raises: "$300
 * million acquisition of", "$100 million share repurchase", "$40 million order from", "$250 million early-stage
 * vehicle", "$40 million settlement", "tax credit", "upfront payment", "under its licensing agreement", "investment in its Ohio plant". Only a word or two away,
 * not behind "to" or "for": "$40 million to fund acquisitions" is still raised.
 */
const SPENT_AFTER =
  /^\s?(?:(?!(?:to|for|and|but|while|which|with|from)\s)[\w-]+\s){0,2}(?:acquisitions?\s(?:of|by)\b|purchase\s(?:of|price)\b|takeover|merger|buy-?back|repurchase|dividend|(?:investment\s)?vehicle|settlement|penalt(?:y|ies)|tax\s(?:credits?|breaks?|incentives?|rebates?)|subsid(?:y|ies)|orders?\s(?:from|by|of)\b|orders\b|prize|donations?|(?:upfront\s|milestone\s)?payments?\b|royalt(?:y|ies)|under\s(?:its|the|a|an)\s(?:[\w-]+\s){0,2}(?:partnership|agreement|collaboration|licen[cs]e|deal)|investment\sin\s(?:[\w-]+\s){0,3}(?:plant|factory|facilit(?:y|ies)|site|campus|cent(?:er|re)s?|infrastructure|capacity|expansion|production|manufacturing))/i;
/** "the sale of its lending unit for $40 million", "divested ... for": money a company is paid for what it sells. */
const SOLD_BEFORE = /\b(?:sale\sof\s(?:its|the|a|an)\b|divest(?:s|ed|ing|iture)?\b)/i;
/** "valued the company, founded in 2023, at €5.8b": a valuation, however far its verb. */
const VALUED_AT = /\bvalu(?:es|ed|ing|ation)\b[^;]*\bat\s(?:about\s|around\s|roughly\s|nearly\s|some\s|an?\s)?~?$/i;
/** "takes the amount it has raised during the pandemic to £175m", "bringing its total to": a running total. */
const RUNNING_TOTAL =
  /\b(?:takes|taking|took|brings|bringing|brought|lifts|lifting|lifted|pushes|pushing|pushed)\s(?:[\w'’,-]+\s){1,14}?to\s$/i;
/** "more than $50 million", "over $825M": a bound on a sum, how running totals are written, not a round's amount. */
const BOUND =
  /\b(?:more\sthan|over|nearly|almost|upwards\sof|in\sexcess\sof|at\sleast|north\sof|close\sto|up\sto|mehr\sals|knapp|über|fast)\s$/i;
/**
 * "a Series D extension of more than $80 million", "more than $80 million in an extension of its Series D": a
 * bound written with the round's name is the round's sum as the page gives it, not a running total.
 */
const ROUND_THEN_BOUND = new RegExp(`(?:${ROUND.source})\\s(?:of|worth|totall?ing)\\s$`, 'iu');
const IN_ROUND = new RegExp(
  `^\\s?in\\s(?:(?:a|an|its|the)\\s)?(?:(?:new|fresh|latest)\\s)?(?:extension\\sof\\s(?:its|the)\\s)?(?:${ROUND.source})`,
  'iu',
);
/** "round worth $8 million", "a round totalling $X", "a round that sources say was worth $X": the round's own amount despite the word. */
const ROUND_OF =
  /\b(?:round|raise|financing|fundraise|fundraising|tranche|Finanzierungsrunde|Runde|Finanzierung)(?:\s(?:that|which)\s[^,.;]{0,30}?\s(?:was|is))?[,]?\s(?:worth|totall?ing|of|über|von|in\sHöhe\svon)\s$/i;
/** An amount written before a round's name ("$42 million Series A", "$9 million seed round", "$200 million in an oversubscribed Series B"). */
const ROUND_AFTER = new RegExp(
  `^\\s?(?:in\\s(?:(?:a|an|its|the)\\s)?(?:\\p{Ll}[\\p{L}-]*\\s){0,2}?)?(?:${ROUND.source})`,
  'iu',
);
/** An amount written before the word for a round ("$750 million fundraising round", "$2.5 billion raise"). */
const ROUND_NOUN_AFTER = /^\s?(?:(?:funding|fundraising|financing|equity|venture|investment)\s)?(?:round|raise)\b/i;
/** "X led the round with a $1 billion investment": what the lead put in, a share of the round, not the round. */
const INVESTORS_SHARE =
  /\b(?:co-)?(?:led|leads|leading|anchored|headed|joined|participated|took\spart)\b[^.;]{0,60}\bwith\s(?:a|an|its|their)\s$/i;
const SHARE_NOUN = /^\s?(?:investment|check|cheque|commitment|contribution|ticket|stake)\b/i;
/** "A co-led the round with $100M": what one investor put into the round, not the round. */
const LEAD_TICKET =
  /\b(?:co-)?(?:led|leads|anchored|headed|joined|participated\sin)\s(?:the\s)?(?:round|financing|raise)\swith\s$/i;
/** "In all, the grocer had raised $160 million before this round": a sentence that sums up tells totals. */
const SUMMED_UP = /^(?:In\s(?:all|total)|Altogether|All\stold|To\sdate|So\sfar),\s/i;
/** Below this, an amount is a price or cash in hand, not money a company raised. */
const SMALLEST_ROUND = 10_000;
/** A gerund alone ("Raising $828M to Build ...", a podcast's title) names an activity, not a raise that happened. */
const GERUND = /(?:^|[|:–—]\s?)raising\s$/i;

/** The text with asides (parentheses, paired dashes) blanked out, so offsets still match the original. */
export function withoutAsides(text: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return text.replace(/\([^()]*\)/g, blank).replace(/\s[—–]\s?[^—–]{1,120}?\s?[—–]\s|—[^—]{1,120}—/g, blank);
}

/**
 * "$9.1 million in seed capital", "seed money": in lower case the money of a seed round, where "Seed Capital"
 * names a firm; written as the round's words of the same length, so offsets still match.
 */
const asSeedRound = (text: string) =>
  text.replace(/\bseed\s(capital|money)\b/g, (_, word: string) => (word === 'capital' ? 'seed funding' : 'seed round'));

/** Whether an amount is one a round raised: not a total, valuation, revenue or fund, judged by the words around it. */
export function isRoundAmount(sentence: string, money: Money, target: CompanyTarget): boolean {
  const window = sentence.slice(Math.max(0, money.index - 80), money.index);
  // Asides dropped: "a $225,000 National Science Foundation (NSF) award".
  const after = sentence.slice(money.end, money.end + 60).replace(/\s?\([^)]*\)/g, '');
  // "200 euros in the bank", "$26 per share": no round is that small.
  if (GERUND.test(window) || money.amount < SMALLEST_ROUND || SUMMED_UP.test(sentence)) return false;
  if ((INVESTORS_SHARE.test(window) && SHARE_NOUN.test(after)) || LEAD_TICKET.test(window)) return false;
  if (SPENT_AFTER.test(after) || SOLD_BEFORE.test(window.split(/[;.]\s/).pop()!)) return false;
  // The clause before the amount: back to the last comma, unless that leaves only a word or two ("total capital raised, to $990 million").
  const pieces = window.slice(-60).split(/[;,]\s/);
  const before =
    pieces.length > 1 && pieces[pieces.length - 1]!.length < 15
      ? pieces.slice(-2).join(', ')
      : pieces[pieces.length - 1]!;
  // "Anduril Industries' $2.5 billion raise", "rival Beta Health raised $50 million": another organisation's amount.
  const owner =
    /([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s?\s(?:(?:record|latest|new|recent)\s)?$/.exec(before)?.[1] ??
    raiserBefore(window);
  if (owner !== undefined && !isTargetRaiser(owner, target)) return false;
  // Named with its round, an amount is that round's whatever surrounds it ("total ... including a $9 million
  // seed round", "valued at $8.1 billion after a $750 million fundraising round").
  const round = ROUND_AFTER.exec(after) ?? ROUND_NOUN_AFTER.exec(after);
  if (round && !NOT_ROUND_AFTER.test(after.slice(round[0].length)))
    return !VALUED_AT.test(window) && !RUNNING_TOTAL.test(window);
  // A valuation's or a total's verb may stand a clause away ("values Monzo, which ..., at £1 billion").
  const clause = sentence
    .slice(Math.max(0, money.index - 160), money.index)
    .split(/;\s/)
    .pop()!;
  const boundRound = ROUND_THEN_BOUND.test(window.replace(BOUND, '')) || IN_ROUND.test(after);
  if ((BOUND.test(window) && !boundRound) || RUNNING_TOTAL.test(clause) || VALUED_AT.test(clause)) return false;
  if (investedInTarget(after, target)) return true;
  return (ROUND_OF.test(before) || !NOT_ROUND_BEFORE.test(before)) && !NOT_ROUND_AFTER.test(after);
}

/** "Orbit is investing $30 million in Lumora": money put in the target is a round of the target's. */
export function investedInTarget(after: string, target: CompanyTarget): boolean {
  return [target.name, ...target.aliases].some((name) =>
    new RegExp(`^\\s?in(?:to)?\\s${escapeRegExp(name)}\\b`).test(after),
  );
}

/**
 * The organisation named as raising an amount just before it ("Beta Health, which just raised", "who", "that", a
 * roundup's "smallcase securing $50 million and Beta raising $29.5 million"), if any.
 */
export function raiserBefore(before: string): string | undefined {
  const m =
    /(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*){0,3})(?:,\s(?:which|who|that))?\s(?:has\s|have\s|had\s|just\s|recently\s|also\s|today\s)*(?:raised|secured|closed|landed|bagged|nabbed|snagged|completed|received|raises|secures|closes|lands|bags|nabs|snags|raising|securing|closing|landing|bagging)\s(?:a\s|an\s|its\s|a\snew\s)?$/u.exec(
      before,
    );
  // "Acme in Costa Mesa has closed": a name after "in" or "at" is a place; the raiser stands before it.
  if (m && /\b(?:in|at|near|from)\s$/.test(before.slice(0, m.index))) return undefined;
  // A sentence's opening word is no part of the name ("How Ramp raised $150M").
  const name = m?.[1]!.replace(
    /^(?:How|Why|What|When|Where|As|After|Before|Since|While|If|So|But|And|Also|Then|Now|Today|The|This|That|In|On|At|Last|Earlier)\s/,
    '',
  );
  return name && !/^(?:It|They|The|This|That|He|She|We|Today|Now|Also|And|In|On|Last|Earlier)$/.test(name)
    ? withoutBacker(name)
    : undefined;
}

/** "Accel-backed Lumora", "Austin-based Lumora": who raises is the name after the word that describes it. */
export const withoutBacker = (name: string) => name.replace(/^.*-(?:backed|funded|owned|based|founded|led)\s/, '');

/** A clause after a semicolon about a round of its own ("; now it is back with an even bigger round"), not the one before. */
const ANOTHER_ROUND_CLAUSE = /;\s(?=[^;]*\b(?:a|an|another)\s(?:[\w-]+\s){0,3}(?:round|raise|financing|fundraise)\b)/;

/** "$15 million raise", "another $3.5 million": an amount that is a raise of its own even beside another round. */
const RAISE_NOUN_AFTER =
  /^\s?(?:raise|round|funding|financing|fundraise|fundraising|investment|(?:capital\s)?injection|in\s(?:new\s)?(?:funding|financing|capital|seed\smoney))\b/i;
const FURTHER_BEFORE = /\b(?:another|a\sfurther|an\sadditional)\s$/i;

interface Span {
  index: number;
  end: number;
}

/**
 * The rounds one sentence states. Each round name takes the amount written next to it (nearest first, never
 * across another amount or round); an amount alone is a round when it is the sentence's only one, or is
 * written as a raise of its own ("a $15 million raise", "another $3.5 million").
 */
export function roundStatements(sentence: string, target: CompanyTarget, reference: string | null): RoundStatement[] {
  const text = asSeedRound(withoutAsides(sentence));
  const amounts = moneyIn(text).filter((money) => isRoundAmount(sentence, money, target));
  const rounds = [...text.matchAll(ROUND)].map((m) => ({
    index: m.index,
    end: m.index + m[0].length,
    name: roundName(m[0]),
  }));
  const gap = (a: Span, b: Span) => text.slice(Math.min(a.end, b.end), Math.max(a.index, b.index));
  const pairs = rounds
    .flatMap((round) => amounts.map((money) => ({ round, money, between: gap(round, money) })))
    .filter(
      ({ between }) =>
        !/[;.]\s/.test(between) && ((rounds.length === 1 && amounts.length === 1) || between.length <= 40),
    )
    // "$81 million in its Series C, $215 million in Series D": a round takes the sum of its own clause before one
    // across a comma.
    .sort(
      (a, b) => Number(/,\s/.test(a.between)) - Number(/,\s/.test(b.between)) || a.between.length - b.between.length,
    );
  const paired = new Map<Span, Money>();
  for (const { round, money } of pairs)
    if (!paired.has(round) && ![...paired.values()].includes(money)) paired.set(round, money);
  const taken = new Set(paired.values());
  const first = moneyIn(text)[0];
  // The sentence's first amount is a round of its own when no round is named in its clause ("Funding: ~$200M
  // (March 2026), led by A; B anchored the 2022 seed").
  const alone = amounts.filter(
    (money) =>
      !taken.has(money) &&
      ((rounds.every((round) => /;\s/.test(gap(round, money))) && money.index === first?.index) ||
        RAISE_NOUN_AFTER.test(text.slice(money.end)) ||
        FURTHER_BEFORE.test(text.slice(0, money.index))),
  );
  const statements = [
    ...rounds.map((round) => ({
      span: spanOf(round, paired.get(round)),
      round: round.name,
      money: paired.get(round) ?? null,
    })),
    ...alone.map((money) => ({ span: { index: money.index, end: money.end }, round: null, money })),
  ].sort((a, b) => a.span.index - b.span.index);
  const clause = (span: Span) => {
    const before = rounds.filter((r) => r.end <= span.index).pop();
    const end = rounds.find((r) => r.index >= span.end)?.index ?? sentence.length;
    // "raised $450 million a year ago; now it is back with a bigger round led by X": X led the other round.
    const another = sentence.slice(span.end, end).search(ANOTHER_ROUND_CLAUSE);
    return sentence.slice(before?.end ?? 0, another >= 0 ? span.end + another : end);
  };
  return statements.map((s, i) => {
    const near = (ref: string | null) =>
      dateNear(sentence, s.span, statements[i - 1]?.span ?? null, statements[i + 1]?.span ?? null, ref);
    const date = near(reference);
    // Read against a year no page has, a month written without its year shows as that year's month.
    const month =
      date === null && reference === null ? (/^9999-(\d{2})/.exec(near('9999-12') ?? '')?.[1] ?? null) : null;
    return { round: s.round, money: s.money, date, clause: clause(s.span), month };
  });
}

function spanOf(round: Span, money: Money | undefined): Span {
  return money ? { index: Math.min(round.index, money.index), end: Math.max(round.end, money.end) } : round;
}

/**
 * The date written with a statement: just after it, within its clause ("a $21 million Series A in April
 * 2023"), else the nearest before it since the previous statement ("its August, 2019 seed round").
 */
function dateNear(
  sentence: string,
  span: Span,
  previous: Span | null,
  next: Span | null,
  reference: string | null,
): string | null {
  // Between the round's name and its amount first ("the seed round it raised last year, which brought in €105 million").
  const within = findDate(sentence.slice(span.index, span.end), reference);
  if (within) return within;
  const after = findDate(
    sentence
      .slice(span.end, next?.index ?? sentence.length)
      .split(/[,;]\s|\.\s/)[0]!
      .slice(0, 40),
    reference,
  );
  if (after) return after;
  // "..., the company announced yesterday (Feb. 25)": the day the round was announced, later in its sentence.
  const announced = ANNOUNCED_ON.exec(sentence.slice(span.end, next?.index ?? sentence.length))?.[1];
  const day = announced ? findDate(announced, reference) : null;
  if (day) return day;
  // A date just after the statement before is that one's ("Acme's seed round in May 2019 and its Series A").
  const gap = sentence.slice(previous?.end ?? 0, span.index);
  const previousOwn = previous ? gap.split(/[,;]\s|\.\s/)[0]!.slice(0, 40) : '';
  const pieces = (findDate(previousOwn, reference) ? gap.slice(previousOwn.length) : gap).split(/[,;]\s(?!\d{4})/);
  for (let i = pieces.length - 1; i >= 0; i -= 1) {
    // "plans to deploy cars later this year after securing $1.5 billion": a time to come is no round's date.
    const date = findDate(pieces[i]!.replace(FUTURE_TIME, ' '), reference);
    if (date) return date;
  }
  return null;
}

const ANNOUNCED_ON =
  /\b(?:announced|said)\s(?:(?:on|yesterday|today|this\sweek|last\sweek)\s)?\(?((?:on\s)?[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:,?\s\d{4})?)\)?/;
const FUTURE_TIME = /\b(?:later\sthis\syear|next\s(?:year|month)|by\s(?:the\send\sof\s)?(?:\d{4}|next\syear))\b/gi;
