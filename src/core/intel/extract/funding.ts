import type { CompanyTarget, Document } from '../component';
import type { FundingEvent } from '../domain';
import { readPage, type Page } from '../read/page';
import { moneyIn, type Money } from '../read/money';
import { ORGANISATION, isTargetOrganisation } from '../read/organisations';
import { findDate } from '../dates';
import { ownMentions } from '../relevance';

export interface FundingFinding {
  event: FundingEvent;
  evidence: string;
  document: Document;
}

const ROUND = /\b(pre-seed|seed(?:\+|\s(?:extension|plus))?|series\s[a-k](?:-?\d)?(?:\+|\s(?:extension|prime))?|angel|growth(?:\s(?:equity|round))|bridge|mezzanine|debt\s(?:financing|round)|ipo|initial\spublic\soffering)(?![\p{L}\d])(?:\s(?:funding|financing|investment|equity)?\s?round)?/giu;
const PAST_RAISE = /\b(?:raised|secured|closed|landed|completed|announced|received)\b/i;
/** "$350 million added to its Series D", "an extension of its Series B": a round of its own, not the round it extends. */
const EXTENDS = /\b(?:extension|extend(?:s|ed|ing)?|add(?:ed|s|ing)\sto|top-?up|topped\sup)\b/i;
const ROUND_NAMED = new RegExp(ROUND.source, 'iu');
/** The page's company as the one raising, unnamed: "the company raised", "The new round brings in", "it added". */
const RAISE_SUBJECT = /\b(?:the|its|this|their)\s(?:new\s|latest\s|recent\s)?(?:company|startup|start-up|firm|business|bank|insurer|round|financing|funding|investment|raise|deal)\b|\b(?:it|they)\s(?:has\s|have\s|had\s|also\s|then\s|just\s)*(?:raised|secured|closed|landed|announced|received|added|brought)\b/i;
const RAISE = /\b(?:rais(?:ed|es|ing|e)|secur(?:ed|es|ing)|clos(?:ed|es|ing)|land(?:ed|s)|bagg(?:ed|s)|net(?:ted|s)|complet(?:ed|es)|announc(?:ed|es)|receiv(?:ed|es)|got|gets|pull(?:ed|s)\sin|br(?:ings|ing|ought)\sin|funding|financing|round|investment)\b/i;
/** An amount that is not a round's: a running total, a valuation, revenue, a fund, a grant or a loan to someone else. */
const NOT_ROUND_AMOUNT = /\b(?:(?:debt|credit|loan)\s(?:facility|line)|credit\sline|loan|total(?:ing|ling)?|to\sdate|in\sall|altogether|cumulative|valu(?:ation|ing|ed|es|e)|invest(?:s|ed|ing)|consist(?:s|ing)\sof|compris(?:es|ing)|of\swhich|stake|worth|post-money|pre-money|market\s(?:cap|value)|revenue|sales|arr\b|run-rate|income|profits?|loss(?:es)?|fund\s[ivx\d]+|(?:its|a|new|\w+th|first|second|third)\s(?:venture\s|growth\s|flagship\s)?funds?\b|grant|contract|award|prize|acquir|acqui|bought|buy|deal\sworth|tender|buyback|secondary)\b/i;
/** A fund an investment firm raises for itself ("closes its $1.2 billion Fund IV", "for its ninth buyout fund"): no round of the firm. */
const OWN_FUND = /\b(?:Fund\s[IVX\d]+\b|(?<!to\s)funds?\b|fundraise\sfor|limited\spartners|LPs\b|commitments|(?:first|final)\sclose|hard\scap|(?:its|a)\s\$?[\d.,]+\s?(?:million|billion|[mb]n?)?\s(?:target|maximum))/;

/** Words after an amount that make it no round's: "$12 billion valuation", "$225,000 SBIR grant", "$1.3 billion raised overall". */
const AFTER_NOT_ROUND = /^\s?(?:(?:[\w-]+\s){0,4}(?:valuation|grant|contract|award|loan|(?:debt|credit)\s(?:facility|line)|fund\b|in\s(?:revenue|sales|annual)|ARR|revenue|a\syear|per\s)|.{0,40}\b(?:overall|in\stotal|to\sdate|so\sfar|altogether|in\sall)\b)/i;

/** Sentences that report what may happen, not what did: a rumoured round is no round. */
const RUMOUR = /\b(?:in\s(?:early\s|advanced\s)?talks|reportedly|is\ssaid\sto|are\ssaid\sto|according\sto\s(?:people|sources|reports|a\sreport|media)|people\s(?:familiar|with\sknowledge)|considering|seeking\sto\sraise|looking\sto\sraise|plans?\sto\sraise|aims?\sto\sraise|could\sraise|would\svalue|in\sdiscussions|is\sraising|are\sraising|rumou?r|expected\sto\s(?:raise|close))\b/i;

/** An investor as a release names it, perhaps after a description ("Dutch chip equipment giant ASML", "Alphabet-owned CapitalG"). */
const DESCRIPTION = "(?:(?:[A-Z][\\w-]*\\s)?(?:[a-z][\\w'’-]*\\s){1,4}(?=[A-Z]))?";
const INVESTOR_NAME = `(?:${ORGANISATION}|a16z)`;
const INVESTOR_LIST = `${DESCRIPTION}${INVESTOR_NAME}(?:(?:,\\s(?:and\\s|as\\swell\\sas\\s)?|\\sand\\s|\\sas\\swell\\sas\\s|,\\s?&\\s|\\s&\\s)(?:(?:existing|new|returning)\\s(?:investors?|backers?)\\s)?${INVESTOR_NAME})*`;
const LED_BY = new RegExp(`\\b(?:co-led|led|headed|spearheaded)\\sby\\s(?:(?:existing|new)\\s(?:investors?|backers?)\\s|(?:venture|investment)\\s(?:firms?|funds?)\\s|(?:the\\s)?(?:investors?|firms?)\\s)?(${INVESTOR_LIST})`, 'u');
const LED_ACTIVE = new RegExp(`(${INVESTOR_LIST})\\s(?:co-led|led|leads|is\\sleading|was\\sleading|headed|heads|anchored|anchors)\\sthe\\s(?:round|financing|investment|raise|funding)`, 'u');
const PARTICIPANTS = new RegExp(
  `\\b(?:participation\\s(?:from|of|by)|joined\\sby|investors?\\s(?:include|included|including)|backers?\\s(?:include|included|including)|along\\swith|alongside|with\\s(?:support|backing)\\sfrom|participat(?:ed|ing)\\swere|other\\sinvestors\\s(?:were|are|include))\\s(?:(?:existing|new|returning)\\s(?:investors?|backers?)\\s)?(?:such\\sas\\s|including\\s)?(${INVESTOR_LIST})`,
  'u',
);
const PARTICIPATED = new RegExp(`(${INVESTOR_LIST})\\s(?:also\\s)?(?:participated|joined\\sthe\\sround|invested)`, 'u');

const NOT_INVESTOR = /^(?:the|a|an|its|their|other|others|existing|new|several|various|investors?|backers?|firms?|funds?|the\sround|the\scompany|and|among\sothers|including|Series\s.*|Seed|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)$/i;

/** "Accel, Index Ventures and existing investor GV." -> ["Accel", "Index Ventures", "GV"]. */
function investorNames(list: string | undefined, target: CompanyTarget): string[] {
  if (!list) return [];
  return list
    .split(/,\s(?:and\s|as\swell\sas\s)?|\sand\s|\sas\swell\sas\s|\s?&\s(?=[A-Z])/)
    .map((name) =>
      name
        .replace(/^(?:existing|new|returning)\s(?:investors?|backers?)\s/i, '')
        .replace(/^(?:[A-Z][\w-]*\s)?(?:[a-z][\w'’-]*\s)+(?=[A-Z])/, '')
        .replace(/^[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['’]s?\s(?=[A-Z])/, '')
        .replace(/^[A-Z][\w]*-(?:owned|backed|based|led)\s(?=[A-Z])/, '')
        .replace(/[\s.,;:]+$/, '')
        .trim(),
    )
    .filter((name) => name.length > 1 && !NOT_INVESTOR.test(name) && !isTargetOrganisation(name, target));
}

/** The round a stretch of text names, as written ("Series B", "Seed", "Series A-1"), capitalised. */
function roundName(text: string): string | null {
  const m = ROUND_NAMED.exec(text);
  if (!m) return null;
  return m[1]!
    .replace(/\s+/g, ' ')
    .replace(/^series\s([a-k])/i, (_, letter: string) => `Series ${letter.toUpperCase()}`)
    .replace(/^(pre-seed|seed|angel|growth|bridge|mezzanine|debt|venture|ipo)/i, (w) => (w.toLowerCase() === 'ipo' ? 'IPO' : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
}

/** Whether an amount is one a round raised: not a total, valuation, revenue or fund, judged by the words around it. */
function isRoundAmount(sentence: string, money: Money, target: CompanyTarget): boolean {
  // The clause before the amount: back to the last comma, unless that leaves only a word or two ("total capital raised, to $990 million").
  const pieces = sentence.slice(Math.max(0, money.index - 60), money.index).split(/[;,]\s/);
  const before = pieces.length > 1 && pieces[pieces.length - 1]!.length < 15 ? pieces.slice(-2).join(', ') : pieces[pieces.length - 1]!;
  const after = sentence.slice(money.end, money.end + 50);
  // "Anduril Industries' $2.5 billion raise": an amount that is another organisation's.
  const owner = /([A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,3})['’]s?\s(?:(?:record|latest|new|recent)\s)?$/.exec(before)?.[1];
  return !NOT_ROUND_AMOUNT.test(before) && !AFTER_NOT_ROUND.test(after) && (owner === undefined || isTargetOrganisation(owner, target));
}

/** Whether the sentence's raise is the target's: it names the target, or speaks of "the company", "it", "the round". */
function isAboutTarget(sentence: string, target: CompanyTarget): boolean {
  if (ownMentions(sentence, target) > 0) return true;
  const subject = /^(?:[^,]{0,40},\s)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*){0,3})\s(?:has\s|have\s|had\s|just\s|recently\s|today\s|also\s)*(?:rais|secur|clos|land|announc|bagg|complet|receiv|net)/u.exec(sentence)?.[1];
  if (subject && !/^(?:The|It|Its|This|Today|In|On|Last|Earlier|Now|Since|After|With)\b/.test(subject)) return isTargetOrganisation(subject, target);
  // Unnamed, the raise must still be the page's company's ("The company raised", "The new round brings in"):
  // a page about a startup also reports its sector's totals and its rivals' rounds.
  return RAISE_SUBJECT.test(sentence);
}

/** The rounds one sentence states: a round name with the amount nearest it in the same clause, or an amount alone. */
function roundsIn(sentence: string, target: CompanyTarget): { round: string | null; money: Money | null }[] {
  const amounts = moneyIn(sentence).filter((money) => isRoundAmount(sentence, money, target));
  const rounds = [...sentence.matchAll(ROUND)];
  if (rounds.length <= 1) return rounds.length === 0 && amounts.length === 0 ? [] : [{ round: rounds[0] ? roundName(rounds[0][0]) : null, money: amounts[0] ?? null }];
  // Several rounds in one sentence ("a $9M seed in 2021 and a $65M Series A in 2022"): each takes the amount nearest it.
  return rounds.map((m) => {
    const nearest = amounts.slice().sort((a, b) => Math.abs(a.index - m.index!) - Math.abs(b.index - m.index!))[0] ?? null;
    return { round: roundName(m[0]), money: nearest };
  });
}

function fundingOf(page: Page, target: CompanyTarget): FundingFinding[] {
  const findings: FundingFinding[] = [];
  page.units.forEach((sentence, index) => {
    if (!RAISE.test(sentence) || RUMOUR.test(sentence) || (OWN_FUND.test(sentence) && !ROUND_NAMED.test(sentence)) || !isAboutTarget(sentence, target)) return;
    // A round named without an amount counts only in a sentence that says the target raised it; a sentence
    // naming three rounds and no amount explains what rounds are.
    const named = roundsIn(sentence, target);
    const stated = named.filter((r) => r.money !== null || (named.length < 3 && r.round !== null && ownMentions(sentence, target) + Number(/^(?:It|The\scompany|The\sstartup)\b/.test(sentence)) > 0 && PAST_RAISE.test(sentence)));
    if (stated.length === 0) return;
    // "The round was led by X" often follows the sentence that states the round.
    const next = page.units[index + 1] ?? '';
    const followUp = /^(?:The\s(?:round|financing|investment|funding|raise)|It\swas|Investors|Participants|Other\sinvestors)\b/.test(next) ? next : '';
    const texts = stated.length > 1 ? [sentence] : [sentence, followUp];
    const first = (patterns: RegExp[]) => texts.flatMap((text) => patterns.map((pattern) => pattern.exec(text)?.[1])).find(Boolean);
    for (const { round, money } of stated) {
      const leadInvestors = investorNames(first([LED_BY, LED_ACTIVE]), target);
      const others = texts.flatMap((text) => [...investorNames(PARTICIPANTS.exec(text)?.[1], target), ...investorNames(PARTICIPATED.exec(text)?.[1], target)]);
      const date = findDate(sentence, page.date) ?? page.date;
      findings.push({
        event: {
          date,
          round: round && EXTENDS.test(sentence) && !/extension/i.test(round) ? `${round} extension` : round,
          amount: money?.amount ?? null,
          currency: money?.currency ?? null,
          leadInvestors,
          investors: [...new Set([...leadInvestors, ...others])],
          sources: [page.document.url],
        },
        evidence: sentence,
        document: page.document,
      });
    }
  });
  return findings;
}

/** Funding rounds the target raised, read from every sentence of every page about it (one finding per round per sentence). */
export function extractFunding(documents: Document[], target: CompanyTarget): FundingFinding[] {
  return documents.flatMap((document) => fundingOf(readPage(document, target), target));
}

const roundKey = (round: string | null) => (round ?? '').toLowerCase().replace(/\b(?:funding|financing|round)\b/g, '').replace(/[^a-z0-9+]/g, '');
const close = (a: number | null, b: number | null) => a !== null && b !== null && Math.abs(a - b) <= Math.max(a, b) * 0.02;
const year = (date: string | null) => Number(date?.slice(0, 4) ?? NaN);

/** Whether two findings report the same round: the same round name, or (one unnamed) the same amount within a year. */
function sameRound(a: FundingEvent, b: FundingEvent): boolean {
  if (a.round && b.round) return roundKey(a.round) === roundKey(b.round);
  return close(a.amount, b.amount) && a.currency === b.currency && !(Math.abs(year(a.date) - year(b.date)) > 1);
}

/** The more precise of two dates; the earlier when equally precise (a later article looks back on the round). */
function betterDate(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b;
  return b.length > a.length || (b.length === a.length && b < a) ? b : a;
}

/**
 * One event per round: the same round reported by several pages or sentences is merged with all its
 * sources; distinct rounds (Series A and A-1) never merge. A finding with neither a round name nor an amount is dropped.
 */
export function mergeFunding(findings: FundingFinding[]): FundingEvent[] {
  const merged: FundingEvent[] = [];
  const ordered = findings.map((f) => f.event).sort((a, b) => Number(b.round !== null) - Number(a.round !== null));
  for (const event of ordered) {
    if (event.round === null && event.amount === null) continue;
    const existing = merged.find((m) => sameRound(m, event));
    if (!existing) {
      merged.push({ ...event, leadInvestors: [...event.leadInvestors], investors: [...event.investors], sources: [...event.sources] });
      continue;
    }
    existing.date = betterDate(existing.date, event.date);
    if (existing.amount === null && event.amount !== null) [existing.amount, existing.currency] = [event.amount, event.currency];
    existing.leadInvestors = union(existing.leadInvestors, event.leadInvestors);
    existing.investors = union(existing.investors, [...event.leadInvestors, ...event.investors]);
    existing.sources = [...new Set([...existing.sources, ...event.sources])];
  }
  return merged.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}

const investorKey = (name: string) => name.toLowerCase().replace(/\b(?:inc|llc|lp|ltd|the|capital|ventures|partners|management)\b/g, '').replace(/[^a-z0-9]/g, '');

function union(a: string[], b: string[]): string[] {
  const result = [...a];
  for (const name of b) if (!result.some((r) => investorKey(r) === investorKey(name))) result.push(name);
  return result;
}
