import type { CompanyReport, FundingEvent } from '../../src/core/intel/domain';
import { fullGivenName } from '../../src/core/intel/read/names';
import { NEWS_LIKE_KINDS, type EvalCompany, type FundingTruth, type Passage } from './realworld-set';

/** How one report reads against a person's reading of the same passages. */
export interface CompanyScore {
  company: string;
  split: 'tune' | 'holdout';
  /** Null when the lookup resolved to the company; else why it did not (the report is then scored empty). */
  identityError: string | null;
  executives: { truth: number; returned: number; correct: number };
  /** The executives' names the report returned. */
  found: string[];
  funding: { truth: number; fullyRight: number };
  news: { returned: number; dated: number; datedRight: number };
  overview: { truth: number; found: number };
  /** Each fact in the report that the passages about this company do not support, as a short line. */
  falseFacts: string[];
  /** Each funding event of the truth the report did not get fully right, with what it returned for it. */
  fundingMisses: string[];
}

const SUFFIXES = new Set([
  'jr',
  'sr',
  'ii',
  'iii',
  'iv',
  'phd',
  'md',
  'cfa',
  'cpa',
  'mba',
  'esq',
  'dr',
  'mr',
  'ms',
  'mrs',
  'prof',
]);

function nameWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z']+/)
    .map((w) => w.replace(/'/g, ''))
    .filter((w) => w.length > 0 && !SUFFIXES.has(w));
}

/** Same person: same last name, and first names equal or one of them an initial of the other. */
export function samePerson(a: string, b: string): boolean {
  // A reader knows "J. David Joyner" is "David Joyner": a leading initial before a given name is dropped.
  const given = (words: string[]) => (words.length > 2 && words[0]!.length === 1 ? words.slice(1) : words);
  const x = given(nameWords(a));
  const y = given(nameWords(b));
  if (x.length === 0 || y.length === 0 || x[x.length - 1] !== y[y.length - 1]) return false;
  // A reader knows "Andy" is "Andrew": the product's table of given-name forms serves as that knowledge.
  // "Leo P. Hickey" and his grandfather "Leo R. Hickey": middle initials that differ name two people.
  const middle = (words: string[]) => (words.length === 3 && words[1]!.length === 1 ? words[1] : null);
  if (middle(x) && middle(y) && middle(x) !== middle(y)) return false;
  const [fx, fy] = [fullGivenName(x[0]!), fullGivenName(y[0]!)];
  // A reader knows "Mike Doustdar" is "Maziar Mike Doustdar": a person may go by a middle name.
  const goesByMiddleName = (short: string[], long: string[]) =>
    short.length === 2 &&
    long.length > 2 &&
    long.slice(1, -1).some((w) => fullGivenName(w) === fullGivenName(short[0]!));
  return (
    fx === fy ||
    goesByMiddleName(x, y) ||
    goesByMiddleName(y, x) ||
    (fx.length === 1 && fy.startsWith(fx)) ||
    (fy.length === 1 && fx.startsWith(fy)) ||
    x.length === 1 ||
    y.length === 1
  );
}

const ROLE_PATTERNS: [string, RegExp][] = [
  ['ceo', /\bCEO\b|chief executive/i],
  ['cfo', /\bCFO\b|chief financial|finance chief/i],
  ['coo', /\bCOO\b|chief operating/i],
  ['cto', /\bCTO\b|chief technology/i],
  ['cmo', /\bCMO\b|chief marketing/i],
  ['cro', /\bCRO\b|chief revenue/i],
  ['cio', /\bCIO\b|chief information officer|chief investment/i],
  ['cpo', /\bCPO\b|chief product|chief people/i],
  ['chro', /\bCHRO\b|chief human|chief people/i],
  ['ciso', /\bCISO\b|chief information security/i],
  ['clo', /\bCLO\b|chief legal|general counsel/i],
  ['president', /(?<!vice[ -])\bpresident\b/i],
  ['founder', /founder|founding/i],
  ['chair', /\bchair/i],
  ['vp', /vice[ -]president|\bS?E?VP\b/i],
  ['head', /\bhead\b/i],
  ['partner', /\bpartner\b/i],
  ['owner', /\bowner\b/i],
  ['chief-science', /chief scien/i],
  ['general-manager', /general manager/i],
  ['director', /\bdirector\b/i],
];

function roles(title: string): Set<string> {
  const found = new Set(ROLE_PATTERNS.filter(([, pattern]) => pattern.test(title)).map(([role]) => role));
  // "Chief X Officer" roles not named above are compared by their area.
  for (const m of title.matchAll(/chief ([a-z]+(?: [a-z]+)?) officer/gi)) found.add(`chief-${m[1]!.toLowerCase()}`);
  return found;
}

/** A title is roughly right when it names a role the true title names ("CEO" for "President and Chief Executive Officer"). */
export function titleRoughlyRight(returned: string, truth: string): boolean {
  const a = roles(returned);
  const b = roles(truth);
  // Titles the role list does not cover are right when they are the same words.
  if (
    returned
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim() ===
    truth
      .toLowerCase()
      .replace(/[^a-z]+/g, ' ')
      .trim()
  )
    return true;
  // "CFO" is right for "Executive Vice President and Chief Financial Officer"; a vice president alone must
  // be one of the same area.
  if ([...a].some((role) => role !== 'vp' && b.has(role))) return true;
  return a.has('vp') && b.has('vp') && areaOverlap(returned, truth);
}

function areaOverlap(a: string, b: string): boolean {
  const words = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3 && !['vice', 'president', 'senior', 'executive'].includes(w)),
    );
  const x = words(a);
  const y = words(b);
  return x.size === 0 || y.size === 0 || [...x].some((w) => y.has(w));
}

/** Firms a reader knows by two names: GV was Google Ventures until 2015, a16z is Andreessen Horowitz. */
const KNOWN_AS: Record<string, string> = { gv: 'google ventures', a16z: 'andreessen horowitz' };

const orgKey = (name: string) => {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(?:inc|llc|lp|l\.p|ltd|co|corp|corporation|the|management|capital partners)\b/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return KNOWN_AS[key] ?? key;
};

// "YCombinator" and "Y Combinator" are one name written two ways.
const sameOrg = (a: string, b: string) =>
  orgKey(a) === orgKey(b) ||
  orgKey(a).replace(/ /g, '') === orgKey(b).replace(/ /g, '') ||
  orgKey(a).startsWith(`${orgKey(b)} `) ||
  orgKey(b).startsWith(`${orgKey(a)} `);
const roundKey = (round: string | null) =>
  (round ?? '')
    .toLowerCase()
    .replace(/\b(?:funding|financing|round|investment)\b/g, '')
    .replace(/[^a-z0-9+]+/g, '');

function sameMembers(returned: string[], truth: string[]): boolean {
  return returned.length === truth.length && truth.every((t) => returned.some((r) => sameOrg(r, t)));
}

function matchesRound(event: FundingEvent, truth: FundingTruth): boolean {
  if (truth.round && event.round) return roundKey(truth.round) === roundKey(event.round);
  return (
    truth.amount !== null && event.amount !== null && Math.abs(event.amount - truth.amount) <= truth.amount * 0.005
  );
}

/** Which fields of a reported event agree with a truth event; the event is fully right when all of them do. */
function fieldsRight(event: FundingEvent, truth: FundingTruth): boolean[] {
  const amountRight =
    truth.amount === null
      ? event.amount === null
      : event.amount !== null && Math.abs(event.amount - truth.amount) <= truth.amount * 0.005;
  // Without an amount a currency states nothing (the truth sometimes carries one over from a total or a valuation).
  const currencyRight =
    truth.amount === null ||
    (truth.currency === null ? event.currency === null || event.amount === null : event.currency === truth.currency);
  // A date more precise than the truth's but within it is right: "Jan. 15" on a 2025 page for "2025-01".
  const dateRight = truth.date === null || (event.date !== null && event.date.startsWith(truth.date));
  const investors = (lead: string[], all: string[]) => [
    ...new Map([...lead, ...all].map((n) => [orgKey(n), n])).values(),
  ];
  return [
    roundKey(event.round) === roundKey(truth.round),
    amountRight,
    currencyRight,
    dateRight,
    sameMembers(event.leadInvestors, truth.leadInvestors),
    sameMembers(investors(event.leadInvestors, event.investors), investors(truth.leadInvestors, truth.investors)),
  ];
}

const fullyRight = (event: FundingEvent, truth: FundingTruth) => fieldsRight(event, truth).every(Boolean);

/** How good a set of pairings is: events fully right first, then fields right over all pairs. */
type Quality = [fullyRight: number, fieldsRight: number];
const better = (a: Quality, b: Quality) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/**
 * Pairs each reported event with at most one truth event of the same round (`matchesRound`), each truth event
 * taken at most once, so that the most events are fully right, then the most fields: which truth round an event
 * is scored against then depends on what it says, not on the order the report lists the events in (two $7.5M
 * rounds of different investors). Searches every pairing, remembering each (event, truth rounds taken) state: a
 * company has a handful of rounds.
 */
function pairFunding(events: FundingEvent[], truth: FundingTruth[]): Map<FundingTruth, FundingEvent> {
  const memo = new Map<string, { quality: Quality; pairs: [number, number][] }>();
  const best = (i: number, taken: number): { quality: Quality; pairs: [number, number][] } => {
    if (i === events.length) return { quality: [0, 0], pairs: [] };
    const key = `${i}:${taken}`;
    const known = memo.get(key);
    if (known) return known;
    let result = best(i + 1, taken);
    truth.forEach((t, j) => {
      if (taken & (1 << j) || !matchesRound(events[i]!, t)) return;
      const rest = best(i + 1, taken | (1 << j));
      const fields = fieldsRight(events[i]!, t);
      const quality: Quality = [
        rest.quality[0] + (fields.every(Boolean) ? 1 : 0),
        rest.quality[1] + fields.filter(Boolean).length,
      ];
      if (better(quality, result.quality)) result = { quality, pairs: [[i, j], ...rest.pairs] };
    });
    memo.set(key, result);
    return result;
  };
  if (truth.length > 30) throw new Error(`the scorer pairs at most 30 funding events of a truth, not ${truth.length}`);
  return new Map(best(0, 0).pairs.map(([i, j]) => [truth[j]!, events[i]!]));
}

function describeFunding(
  event: Pick<FundingEvent, 'round' | 'amount' | 'currency' | 'date' | 'leadInvestors' | 'investors'>,
): string {
  const investors = event.investors.filter((i) => !event.leadInvestors.includes(i));
  return `${event.round ?? '(no round)'} ${event.amount ?? '-'} ${event.currency ?? ''} ${event.date ?? '(no date)'} led by [${event.leadInvestors.join('; ')}] with [${investors.join('; ')}]`;
}

/** Cities a reader knows by their old and new names ("Bangalore" is Bengaluru). */
const CITY_RENAMED: Record<string, string> = {
  bangalore: 'bengaluru',
  gurgaon: 'gurugram',
  bombay: 'mumbai',
  madras: 'chennai',
  calcutta: 'kolkata',
};

export function placeMatches(value: string, truth: string): boolean {
  const first = (text: string) => {
    const key = orgKey(text.split(',')[0] ?? '');
    return CITY_RENAMED[key] ?? key;
  };
  return (
    first(value) === first(truth) || orgKey(truth).includes(orgKey(value)) || orgKey(value).includes(orgKey(truth))
  );
}

/** Scores reported funding events against the truth's: how many are fully right, the false ones, the misses. */
export function scoreFunding(
  events: FundingEvent[],
  truth: FundingTruth[],
): { fullyRight: number; falseFacts: string[]; misses: string[] } {
  const matched = pairFunding(events, truth);
  const truthOf = new Map([...matched].map(([t, e]) => [e, t]));
  const result = { fullyRight: 0, falseFacts: [] as string[], misses: [] as string[] };
  for (const event of events) {
    const match = truthOf.get(event);
    const label = [event.round, event.amount, event.currency, event.date].filter((v) => v !== null).join(' ');
    if (!match) {
      result.falseFacts.push(`funding: ${label || 'an event'} is no round of this company`);
      continue;
    }
    if (fullyRight(event, match)) result.fullyRight += 1;
    if (match.amount !== null && event.amount !== null && Math.abs(event.amount - match.amount) > match.amount * 0.005)
      result.falseFacts.push(`funding: ${label} has the wrong amount (is ${match.amount})`);
    for (const investor of new Set([...event.leadInvestors, ...event.investors])) {
      if (![...match.leadInvestors, ...match.investors].some((t) => sameOrg(investor, t)))
        result.falseFacts.push(`funding: ${label} names "${investor}", who is not an investor of it`);
    }
  }
  for (const truthEvent of truth) {
    const event = matched.get(truthEvent);
    if (event && fullyRight(event, truthEvent)) continue;
    result.misses.push(`${describeFunding(truthEvent)}\n        got: ${event ? describeFunding(event) : 'nothing'}`);
  }
  return result;
}

/** Scores one report against the company's truth; `passages` maps every URL of the set to its passage. */
export function scoreReport(
  company: EvalCompany,
  report: CompanyReport | null,
  identityError: string | null,
  passages: Map<string, Passage>,
): CompanyScore {
  const { truth } = company;
  const score: CompanyScore = {
    company: company.company,
    split: company.split,
    identityError,
    executives: { truth: truth.executives.length, returned: 0, correct: 0 },
    found: [],
    funding: { truth: truth.funding.length, fullyRight: 0 },
    news: { returned: 0, dated: 0, datedRight: 0 },
    overview: {
      truth: [truth.headquarters, truth.founded, truth.industry.length ? 'industry' : null].filter((v) => v !== null)
        .length,
      found: 0,
    },
    falseFacts: [],
    fundingMisses: [],
  };
  if (!report) return score;
  const isOwn = (url: string) => passages.get(url)?.about === company.company;
  const forbidden = (name: string) => truth.mustNotAppear.some((n) => samePerson(name, n) || sameOrg(name, n));

  for (const fact of report.facts) {
    if (fact.section !== 'identity' && !isOwn(fact.source.url))
      score.falseFacts.push(
        `${fact.section}: "${fact.text}" from a page about ${passages.get(fact.source.url)?.about ?? 'an unknown page'}`,
      );
  }

  // A name that is an executive's is scored as that executive's, even when it could also be an optional person's
  // ("Leo Hickey" is Leo P. Hickey, the CEO, or his grandfather Leo R. Hickey).
  const isExecutive = (name: string) => truth.executives.some((t) => samePerson(name, t.name));
  const executives = report.executives.filter(
    (e) => e.origin === 'found' && (isExecutive(e.name) || !truth.optional.some((n) => samePerson(e.name, n))),
  );
  score.executives.returned = executives.length;
  score.found = executives.map((e) => e.name);
  const named = new Set<string>();
  for (const executive of executives) {
    const match = truth.executives.find((t) => samePerson(executive.name, t.name));
    if (match && named.has(match.name)) {
      score.falseFacts.push(`executive: ${executive.name} repeats ${match.name}`);
      continue;
    }
    if (match) named.add(match.name);
    if (match && titleRoughlyRight(executive.title, match.title)) score.executives.correct += 1;
    else if (match) score.falseFacts.push(`executive: ${executive.name} as "${executive.title}" (is "${match.title}")`);
    else
      score.falseFacts.push(
        `executive: ${executive.name}, ${executive.title}${forbidden(executive.name) ? ' (must not appear)' : ''}`,
      );
  }

  const funding = scoreFunding(report.funding, truth.funding);
  score.funding.fullyRight = funding.fullyRight;
  score.falseFacts.push(...funding.falseFacts);
  score.fundingMisses = funding.misses;

  score.news.returned = report.news.length;
  for (const item of report.news) {
    const passage = item.sources.map((url) => passages.get(url)).find(Boolean);
    if (item.date) score.news.dated += 1;
    const stated = truth.news.find((n) => n.passage === passage?.id);
    if (item.date && stated?.date && item.date.startsWith(stated.date)) score.news.datedRight += 1;
    else if (item.date && stated?.date)
      score.falseFacts.push(`news: "${item.title}" dated ${item.date} (is ${stated.date})`);
    if (passage && !NEWS_LIKE_KINDS.has(passage.page_kind))
      score.falseFacts.push(`news: "${item.title}" is a ${passage.page_kind} page, not news`);
  }

  const top = (field: 'headquarters' | 'founded' | 'industry') => report.overview[field][0]?.value ?? null;
  if (truth.headquarters && top('headquarters') && placeMatches(top('headquarters')!, truth.headquarters))
    score.overview.found += 1;
  if (truth.founded && top('founded') === truth.founded) score.overview.found += 1;
  // "private-equity giant" and "private equity" name one industry: hyphens and case are how a sentence placed it.
  const words = (text: string) => text.toLowerCase().replace(/-/g, ' ');
  if (
    truth.industry.length &&
    top('industry') &&
    truth.industry.some((w) => words(top('industry')!).includes(words(w)))
  )
    score.overview.found += 1;
  for (const value of report.overview.headquarters)
    if (!truth.headquarters || !placeMatches(value.value, truth.headquarters))
      score.falseFacts.push(`headquarters: ${value.value}`);
  for (const value of report.overview.founded)
    if (value.value !== truth.founded) score.falseFacts.push(`founded: ${value.value}`);
  return score;
}

export interface Totals {
  companies: number;
  identityErrors: number;
  executivesPrecision: number;
  executivesRecall: number;
  fundingFullyRight: number;
  fundingTruth: number;
  falseFacts: number;
  newsReturned: number;
  newsDatedShare: number;
  overviewRecall: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Micro-averaged totals over the given companies' scores. */
export function totals(scores: CompanyScore[]): Totals {
  const sum = (f: (s: CompanyScore) => number) => scores.reduce((t, s) => t + f(s), 0);
  return {
    companies: scores.length,
    identityErrors: scores.filter((s) => s.identityError).length,
    executivesPrecision: ratio(
      sum((s) => s.executives.correct),
      sum((s) => s.executives.returned),
    ),
    executivesRecall: ratio(
      sum((s) => s.executives.correct),
      sum((s) => s.executives.truth),
    ),
    fundingFullyRight: sum((s) => s.funding.fullyRight),
    fundingTruth: sum((s) => s.funding.truth),
    falseFacts: sum((s) => s.falseFacts.length),
    newsReturned: sum((s) => s.news.returned),
    newsDatedShare: ratio(
      sum((s) => s.news.dated),
      sum((s) => s.news.returned),
    ),
    overviewRecall: ratio(
      sum((s) => s.overview.found),
      sum((s) => s.overview.truth),
    ),
  };
}
