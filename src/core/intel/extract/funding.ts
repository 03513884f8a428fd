import type { CompanyTarget, Document } from '../component';
import type { FundingEvent } from '../domain';
import { readPage, type Page, type PageReader } from '../read/page';
import { ORGANISATION, isTargetOrganisation } from '../read/organisations';
import { escapeRegExp } from '../text';
import { FULL_MONTH_NAMES, findDate, monthNumber } from '../dates';
import {
  ROUND,
  ROUND_NAMED,
  isTargetRaiser,
  roundName,
  raiserBefore,
  roundStatements,
  withoutBacker,
  type RoundStatement,
} from '../read/rounds';
import { investorsIn, sameInvestor, union, type InvestorMentions } from '../read/investors';
import { moneyIn, roughlySameAmount, significantDigits, type Money } from '../read/money';
import { ownMentions } from '../relevance';
import { readInEnglish } from '../read/rounds-other-languages';

export interface FundingFinding {
  event: FundingEvent;
  evidence: string;
  document: Document;
  /** Whether the event's date was written with the round, rather than taken from the page's own date. */
  dateStated?: boolean;
  /** Amounts the page says the round is made of ("€468m in equity and €132m in debt"): parts, not rounds. */
  parts?: Money[];
  /** The round's month when the page gives no year ("in June"): another page's year completes it. */
  month?: string | null;
  /** For a month on an undated page, the year of the latest date the page states: the year when no page gives one. */
  pageYear?: string;
  /** Once merged: each report of the round, to weigh what the pages disagree on. */
  reports?: FundingFinding[];
}

// German pages say it too: "hat 75 Millionen Euro eingesammelt", "nimmt weitere 155 Millionen Euro auf".
const PAST_RAISE =
  /\b(?:raised|secured|closed|landed|completed|announced|received|eingesammelt|eingenommen|erhalten|aufgenommen)\b/i;
/** "$350 million added to its Series D", "an extension of its Series B": a round of its own, not the round it extends. */
const EXTENDS = /\b(?:extension|extend(?:s|ed|ing)?|add(?:ed|s|ing)\sto|top-?up|topped\sup)\b/i;
/**
 * The page's company as the one raising, unnamed: "the company raised", "The new round brings in", "it added".
 * Its nouns in lower case: "the European Investment Bank" names an organisation, not the company's investment.
 */
const RAISE_SUBJECT =
  /\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]heir)\s(?:[\w-]+\s){0,3}?(?:company|startup|start-up|firm|business|bank|insurer|round|financing|funding|investment|raise|deal)\b|\b(?:[Ii]t|[Tt]hey)\s(?:has\s|have\s|had\s|also\s|then\s|just\s|previously\s|already\s|earlier\s|recently\s)*(?:raised|secured|closed|landed|announced|received|added|brought)\b|\b(?:[Hh]at|[Hh]aben)\s(?:der|die|das)\s(?:Start-up|Startup|Unternehmen|Firma|Spezialist|Anbieter|Konzern)\b|\beiner\s[\p{L}-]*Finanzierungsrunde\b/u;
/**
 * What states a raise by itself: a raising verb ("raised", "secured", "bagged") or a round ("round", "Series B" is
 * ROUND_NAMED). The nouns "funding", "financing" and "investment" alone, or "announced" and "completed", also tell
 * of a firm's own investments, write-offs and deals: a sentence with only those states no round (statesRaise), since
 * an invented round costs the reader more than a missed one.
 */
const EXPLICIT_RAISE_WORDS =
  'rais(?:ed|es|ing|e)|secur(?:ed|es|ing)|clos(?:ed|es|ing)|land(?:ed|s)|bag(?:ged|s)|nab(?:bed|s)|snag(?:ged|s)|net(?:ted|s)|receiv(?:ed|es)|got|gets|pull(?:ed|s)\\sin|pick(?:ed|s)\\sup|fundraise|br(?:ings|ing|ought)\\sin|round|eingesammelt|sammel[nt]|einsammeln|eingenommen|warb|wirbt|eingeworben|einwerben|erh(?:ält|alten|ielt)|aufgenommen|nimmt|Finanzierungsrunde';
const EXPLICIT_RAISE = new RegExp(`\\b(?:${EXPLICIT_RAISE_WORDS})\\b`, 'i');
const RAISE = new RegExp(
  `\\b(?:${EXPLICIT_RAISE_WORDS}|complet(?:ed|es)|announc(?:ed|es)|funding|financing|investment|Finanzierung)\\b`,
  'i',
);
/** "Orbit is investing $30 million in Lumora": an investor putting money in, the company named after (see investedInTarget). */
const INVESTS_IN = /\binvest(?:s|ed|ing)\s[^.;]{1,40}?\sin(?:to)?\s\p{Lu}/u;
/**
 * A fund an investment firm raises for itself ("closes its $1.2 billion Fund IV", "for its ninth buyout fund"): no
 * round of the firm. "Its total funds raised" is the money a company raised, not a fund.
 */
const OWN_FUND =
  /\b(?:Fund\s[IVX\d]+\b|(?<!to\s|total\s)funds?\b(?!\sraised)|(?:new|two|three|four|several)\s(?:investment\s)?vehicles\b|capital\sto\s(?:back|invest\sin)\b|fundraise\sfor|limited\spartners|LPs\b|commitments|(?:first|final|second|double|interim)\sclos(?:e|ing)|hard\scap|(?:its|a)\s\$?[\d.,]+\s?(?:million|billion|[mb]n?)?\s(?:target|maximum))/;

/** What money raised is to go into: other companies, at whatever stage ("to back seed and Series A startups"). */
const TO_BACK_OTHERS = /\bto\s(?:back|invest\sin)\s[^.;]*/;
/** "led by X, a Madison venture capital fund, and Y", "by venture funds X and Y": a fund that invests, described. */
const FUND_AS_INVESTOR =
  /,\s(?:a|an)\s[^,;]{0,60}?\bfunds?(?=,|\s(?:and|with)\s)|\b(?:venture|investment|growth)\sfunds?(?=\s\p{Lu})/gu;

/** Sentences that report what may happen, not what did: a rumoured or hoped-for round is no round. */
const RUMOUR =
  /\b(?:in\s(?:early\s|advanced\s)?talks|reportedly|is\ssaid\sto|are\ssaid\sto|according\sto\s(?:people|sources|reports|a\sreport|media)|people\s(?:familiar|with\sknowledge)|considering|seeking\sto\sraise|looking\sto\sraise|plans?\sto\sraise|aims?\sto\sraise|hop(?:e|es|ed|ing)\sto\sraise|want(?:s|ed)?\sto\sraise|trying\sto\sraise|could\sraise|would\svalue|in\sdiscussions|is\sraising|are\sraising|rumou?r|expected\sto\s(?:raise|close)|letter\sof\sintent|term\ssheet|evaluat(?:e|es|ed|ing)\s(?:a|an)|plan(?:s|ned|ning)?\sto\sinvest|would\s(?:reach|total|bring|be\sworth)|ongoing\s(?:round|fundraise|fundraising))\b/i;

/**
 * The organisation a sentence opens with as the one raising or announcing ("Stoke announced", "Acme, the AI
 * startup, raised", "Acme Lands $90M", a roundup's numbered "2) Acme raises $140M").
 */
function raisingSubject(sentence: string): string | undefined {
  const subject =
    /^(?:\d{1,2}[.)]\s)?(?:[^,]{0,40},\s)?(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*){0,3})\s(?:has\s|have\s|had\s|just\s|recently\s|today\s|also\s)*(?:[Rr]ais|[Ss]ecur|[Cc]los|[Ll]and|[Aa]nnounc|[Bb]ag[gs]|[Nn]ab[bs]|[Ss]nag[gs]|[Cc]omplet|[Rr]eceiv|[Nn]et)/u.exec(
      sentence,
    )?.[1];
  if (!subject || /^(?:The|It|Its|This|Today|In|On|Last|Earlier|Now|Since|After|With)\b/.test(subject))
    return undefined;
  return withoutBacker(subject);
}

/** "Boston's Tessel Ventures went on to lead a $2 million seed round": an investor as the subject leading a round. */
const INVESTOR_LEADS = new RegExp(
  `^(?:[^,]{0,40},\\s)?${ORGANISATION}\\s(?:(?:also|then|later|went\\son\\sto|would\\sgo\\son\\sto)\\s)*(?:co-)?(?:led|leads?|headed|anchored)\\s(?:a|an)\\s`,
  'u',
);
/** "led a $5 million round in Beta", "a round for Beta": the round of another company. */
const ROUND_IN_ANOTHER = /\b(?:round|financing|investment|raise)\s(?:in|for|into)\s\p{Lu}/u;

/**
 * Another organisation opening the sentence as the one raising, an aside between: "Beta, a Lumora customer,
 * raised ...", "Beta, founded by former Lumora engineers, raised ...".
 */
const RAISER_WITH_ASIDE = new RegExp(
  `^(${ORGANISATION}),\\s[^,]{1,80},\\s(?:has\\s|had\\s|also\\s|recently\\s|just\\s)*(?:raised|secured|closed|landed)\\b`,
  'u',
);

/**
 * The first raise a sentence tells, up to its verb: who stands before it raises ("Lumora rival Beta Health
 * raised", "Lumora competes with Beta, which raised"); a rival's which-clause after the company's own raise
 * leaves that raise the company's.
 */
const FIRST_RAISE = /\b(?:raised|secured|closed|landed|raises|secures|closes|lands)\b/;

function anotherRaises(sentence: string, target: CompanyTarget): boolean {
  const verb = FIRST_RAISE.exec(sentence);
  const raiser =
    RAISER_WITH_ASIDE.exec(sentence)?.[1] ??
    (verb ? raiserBefore(sentence.slice(0, verb.index + verb[0].length + 1)) : undefined);
  return raiser !== undefined && !raisedByTarget(raiser, target);
}

/** Whether who a sentence says raises is the target: its name, a form of it, or a name with it ("Startup Harvey"). */
const raisedByTarget = (raiser: string, target: CompanyTarget) =>
  isTargetRaiser(raiser, target) || ownMentions(raiser, target) > 0;

/**
 * Whether a sentence names who raises: the target (true), another organisation (false), or no one (undefined).
 * A roundup tells one company's rounds after another's; "the startup" then means the one named last.
 */
function namedRaiser(sentence: string, target: CompanyTarget): boolean | undefined {
  const subject = raisingSubject(sentence);
  if (subject) return raisedByTarget(subject, target);
  if (anotherRaises(sentence, target)) return false;
  return ownMentions(sentence, target) > 0 && RAISE.test(sentence) ? true : undefined;
}

/**
 * Whether the sentence's raise is the target's: it names the target, or speaks of "the company", "it", "the round"
 * when the organisation the page last told raising (`afterAnother`) is not another one.
 */
function isAboutTarget(sentence: string, target: CompanyTarget, afterAnother = false): boolean {
  // Who the sentence says raises it, whoever else it names ("Lumora-backed Beta raised ...").
  const subject = raisingSubject(sentence);
  if (subject) return raisedByTarget(subject, target);
  if (anotherRaises(sentence, target)) return false;
  if (ownMentions(sentence, target) > 0) return true;
  // An investor leading a round of no company named, on a page about the target, leads the target's.
  if (INVESTOR_LEADS.test(sentence) && !ANOTHERS_ROUND.test(sentence) && !ROUND_IN_ANOTHER.test(sentence)) return true;
  // Unnamed, the raise must still be the page's company's ("The company raised", "The new round brings in"):
  // a page about a startup also reports its sector's totals and its rivals' rounds.
  return !afterAnother && RAISE_SUBJECT.test(sentence);
}

/** "Funding: ~$200M ...", "Series C: €1.7B led by ASML": a profile's line about its own company's rounds. */
const PROFILE_LINE = new RegExp(`^(?:#+\\s|[-•*]\\s)?(?:Funding|${ROUND.source})\\s?[:–-]\\s`, 'iu');
/** "Funding - Sep 2025": a profile's heading that dates the round line below it. */
const DATE_HEADING = /^(?:#+\s)?(?:Funding|Round|Raised)\s?[:–-]\s?[A-Z][a-z]{2,8}\.?\s\d{4}$/;
/**
 * A round told as background to the page's news ("had already raised", "follows the seed round", "previously");
 * "following a regulatory approval" follows no round.
 */
const LOOK_BACK =
  /\b(?:already|previously|earlier|prior|follow(?:s|ed|ing)\s(?:(?:on\s)?(?:a|an|its|the|their|[\p{Lu}][\w'’]*['’]s?)\s)?(?:[\w$€£.,-]+\s){0,3}?(?:round|raise|funding|financing|Series|seed|investment|\$|€|£)|since\sits|after\s(?:a|an|its|the)\s(?:[\w$€£.,-]+\s){0,3}(?:round|raise|funding|financing|Series|seed)|initial|last\sraised|once\sraised|before\sthat|bereits|zuvor|vorher|damals|erst\s(?:im|am|Ende|Anfang|vor))\b/iu;
/** A sentence that goes on about a round already stated: "The round was led by", "It was led by", "Other investors include". */
const ABOUT_THE_ROUND =
  /^(?:[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2}['’]s\s(?:(?:new|latest|recent)\s)?(?:round|funding|financing|raise)\s(?:was|is|has\sbeen)\s(?:co-)?led\b|(?:The|This|That|Its)\s(?:[\w-]+\s){0,3}?(?:round|financing|investment|funding|raise|fund-?raise|fund-?raising|tranche)\b|(?:It|The\scompany)\swas\s(?:co-)?led\b|(?:(?:Other|Existing|New|Major)\s(?:investors|backers)|Participants|(?:Backers|Investors)\s(?:include|included))\b|Among\sthe\sinvestors\b|Besides\s)|\b(?:its|the|this)\s(?:latest|new|next|recent)\s(?:funding\s)?round\b|\b(?:in|of|to|joining)\s(?:the|this)\s(?:new\s|latest\s)?(?:round|financing|fundraise|fundraising|raise)\b|\bparticipating\sin\sthe\sround\b|\b(?:also\s)?(?:participated|(?:took|taken)\spart|put\smoney\s(?:back\s)?in)\b(?!\sin\s(?:a|an|its|their)\b)|\b(?:co-led|led|leads|leading|heads|headed|anchored|anchors)\sthe\s(?:\w+\s){0,2}?(?:round|financing|investment|raise|funding|fundraise|tranche)\b/;
/** German: "Angeführt wurde die Runde von", "Federführend ist", "Zu den Investoren gehören", "Auch A beteiligten sich". */
const ABOUT_THE_ROUND_DE =
  /^(?:Angeführt\swurde|Federführend\s(?:ist|war|sind|waren)|Zu\sden\s(?:\p{L}+\s)?(?:Investoren|Geldgebern)\s(?:gehören|gehörten|zählen|zählten)|Beteiligt\s(?:sind|waren))\b|^(?:Auch|Außerdem|Ebenfalls)\s[^.;]+\sbeteiligten\ssich\b|^Neu\sdabei\s(?:sind|ist)\b|\s(?:haben|hat)\s(?:ebenfalls|auch)\snachgelegt\b|\bunter\sder\sFührung\s/u;

/** "Anduril's previous raise in late 2022", "its last round in 2021": an earlier round, and the date that is its own. */
const EARLIER_ROUND =
  /\b(?:previous|prior|earlier|last|preceding)\s(?:[\w-]+\s){0,2}?(?:raise|round|funding|financing|valuation)\b[^,;]*/gi;

/** "The new funding consists of €468m in equity and €132m in debt": the parts a round is made of. */
const MADE_OF = /\b(?:consist(?:s|ed|ing)\sof|compris(?:es|ed|ing)|made\sup\sof|split\s(?:between|into))\b/i;

/** A round stated on a page: its finding, the unit that stated it, and whether it was told as background. */
interface PageEvent {
  finding: FundingFinding;
  lookBack: boolean;
  unit: number;
}

/**
 * What follows the target's name when it puts money in or gets it for others rather than raising it ("Apollo
 * agreed to invest", "True joined", "Acme, the bank, arranged a financing for", "Acme helped its client raise").
 */
const PUTS_IN =
  /^['’]?(?:,\s[^,]{1,40},)?\s(?:has\s|had\s|will\s|would\s|also\s|then\s|agreed\sto\s|plans\sto\s|typically\s)*(?:invest(?:s|ed)?|join(?:s|ed)|back(?:s|ed)|bought|buys?|acquir(?:es|ed|e)|wr(?:ote|ites)|commit(?:s|ted)|help(?:s|ed)|advis(?:es|ed)|arrang(?:es|ed)|underwr(?:ote|ites))\b/;
/** "the $850,000 seed round of Maya's Mom", "a $40 million round for Beta": a round another organisation raised. */
const ANOTHERS_ROUND = new RegExp(
  `\\b(?:round|financing|raise)\\s(?:of|for)\\s(?!\\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b|Series\\b|Seed\\b)(${ORGANISATION})`,
  'u',
);
/** "a first check of $1 million": an investor's ticket, not a raise. */
const TICKET = /\b(?:checks?|cheques?|tickets?)\s(?:of|sizes?)\b/i;

/** Whether the target is the one investing in a unit: named as who puts money in, or the round is another's. */
function targetPutsIn(unit: string, target: CompanyTarget): boolean {
  const invests = [target.name, ...target.aliases].some((name) =>
    [...unit.matchAll(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'g'))].some((m) =>
      PUTS_IN.test(unit.slice(m.index + name.length)),
    ),
  );
  const roundOf = ANOTHERS_ROUND.exec(unit)?.[1];
  return invests || TICKET.test(unit) || (roundOf !== undefined && !isTargetOrganisation(roundOf, target));
}

/**
 * Whether a unit states a round of the target's: a raise spoken of explicitly, the target raising it, and no
 * rumour.
 */
function statesRaise(unit: string, target: CompanyTarget, afterAnother = false): boolean {
  if (!EXPLICIT_RAISE.test(unit) && !ROUND_NAMED.test(unit)) return false;
  const ownFund = OWN_FUND.test(unit.replace(FUND_AS_INVESTOR, ' '));
  // "to back seed and Series A startups": the rounds a fund will invest in are none of its own.
  const roundNamed = ROUND_NAMED.test(unit.replace(TO_BACK_OTHERS, ' '));
  if (RUMOUR.test(unit) || (ownFund && !roundNamed) || targetPutsIn(unit, target)) return false;
  // "Greycroft led the $10 million Series A of Acme" on a page about Greycroft: the firm invested; Acme raised.
  if (investorsIn(unit, target).targetInvests) return false;
  return (
    PROFILE_LINE.test(unit) ||
    ((RAISE.test(unit) || INVESTS_IN.test(unit)) && isAboutTarget(unit, target, afterAnother))
  );
}

/** "Tessel, which led Acme's seed round in May 2019 and its Series A": an investor that led earlier rounds. */
const LED_EARLIER = new RegExp(`(${ORGANISATION}),\\s(?:which|who)\\s(?:also\\s)?(?:co-)?led\\s([^,;]+)`, 'u');

/** The rounds of the target's an investor is said to have led, named without their sums, and who led them. */
function roundsLedEarlier(unit: string, target: CompanyTarget): { lead: string; rounds: Set<string | null> } | null {
  const m = LED_EARLIER.exec(unit);
  const owner = [target.name, ...target.aliases].map(escapeRegExp).join('|');
  if (!m || !new RegExp(`^(?:(?:${owner})['’]s?|its|the\\scompany['’]s)\\s`).test(m[2]!)) return null;
  return { lead: m[1]!, rounds: new Set([...m[2]!.matchAll(ROUND)].map((r) => roundName(r[0]))) };
}

/** The statements of a unit that are rounds: with an amount, or a round named as raised by the target. */
function statedRounds(unit: string, target: CompanyTarget, date: string | null): RoundStatement[] {
  const named = roundStatements(unit, target, date);
  // A round named without an amount counts only in a sentence that says the target raised it; a sentence
  // naming three rounds and no amount explains what rounds are.
  const subject = raisingSubject(unit);
  const byTarget =
    ownMentions(unit, target) > 0 ||
    (subject !== undefined && isTargetRaiser(subject, target)) ||
    /^(?:It|The\scompany|The\sstartup)\b/.test(unit);
  const ledEarlier = roundsLedEarlier(unit, target);
  return named.filter(
    (r) =>
      r.money !== null ||
      (named.length < 3 && r.round !== null && byTarget && PAST_RAISE.test(unit)) ||
      (r.round !== null && ledEarlier?.rounds.has(r.round) === true),
  );
}

function addInvestors(event: FundingEvent, found: InvestorMentions): void {
  event.leadInvestors = union(event.leadInvestors, found.leads);
  event.investors = union(event.investors, [...found.leads, ...found.others]);
}

/**
 * The clause with who gave another sum left out: "had provided $10m in series F funding, after $200m from A and B":
 * A and B gave the $200m, not the series F's $10m.
 */
function withoutOthersSources(clause: string, own: Money | null): string {
  return clause.replace(/([$€£]\s?\d[\d.,]*\s?(?:[mb]n?|million|billion)?)\sfrom\s/gi, (whole: string, sum: string) => {
    const money = moneyIn(sum)[0];
    return !own || !money || money.amount === own.amount ? whole : `${sum} of `;
  });
}

/** The findings of a unit that states rounds; the unit's investors go to its round when it states only one. */
function statedEvents(page: Page, index: number, stated: RoundStatement[], target: CompanyTarget): PageEvent[] {
  const unit = page.units[index]!;
  const heading = DATE_HEADING.test(page.units[index - 1] ?? '') ? findDate(page.units[index - 1]!, null) : null;
  const mentions =
    stated.length === 1
      ? investorsIn(withoutOthersSources(stated[0]!.clause, stated[0]!.money), target)
      : { leads: [], others: [], targetInvests: false };
  const ledEarlier = roundsLedEarlier(unit, target);
  return stated.map(({ round, money, date, clause, month }) => {
    const ledBy = money === null && ledEarlier?.rounds.has(round) ? [ledEarlier.lead] : [];
    // Rounds an investor is said to have led before are background to the page's news.
    const lookBack = LOOK_BACK.test(clause) || ledBy.length > 0;
    const finding: FundingFinding = {
      event: {
        // A round the page looks back on happened before the page's own date, at a time it does not say.
        date: date ?? heading ?? (lookBack ? null : page.date),
        round: round && EXTENDS.test(unit) && !/extension/i.test(round) ? `${round} extension` : round,
        amount: money?.amount ?? null,
        currency: money?.currency ?? null,
        leadInvestors: [],
        investors: [],
        sources: [page.document.url],
      },
      evidence: unit,
      document: page.document,
      dateStated: (date ?? heading) !== null,
      month,
    };
    addInvestors(finding.event, ledBy.length > 0 ? { leads: ledBy, others: [], targetInvests: false } : mentions);
    return { finding, lookBack, unit: index };
  });
}

/**
 * "The Series G round, parts of which ...", "A and B co-led the Series F funding round", "The company expects the
 * private placement to close": a sentence that speaks of a round by its name as of one already told, the round
 * the page reported.
 */
const OPENS_ON_ROUND = new RegExp(
  `^(?:The|This|That|Its)\\s(?:(?:new|latest|recent|fresh)\\s)?(?:${ROUND.source})|\\b(?:co-)?(?:led|leads|headed|heads|anchored)\\sthe\\s(?:(?:new|latest|recent|fresh)\\s)?(?:${ROUND.source})|^(?:The|This|Its)\\s(?:[\\w-]+\\s){0,2}?(?:company|startup|firm)\\s(?:expects|said|says)\\sthe\\s(?:${ROUND.source})`,
  'iu',
);

/** The page's unnamed round that a later sentence names ("raised $2.5 billion ... The Series G round was oversubscribed"). */
function namedLater(unit: string, named: string, events: PageEvent[]): PageEvent | undefined {
  if (!OPENS_ON_ROUND.test(unit)) return undefined;
  const event = events.filter((e) => !e.lookBack).pop();
  if (!event || event.finding.event.round !== null) return undefined;
  event.finding.event.round = named;
  return event;
}

/** "That January round, led by NEA": a sentence that names the round it goes on about by its month. */
const MONTH_ROUND = new RegExp(
  `^(?:That|The|This|Its)\\s(${FULL_MONTH_NAMES})\\s(?:[\\w-]+\\s)?(?:round|raise|financing|funding|investment)\\b`,
);

/** The page's round of the month a sentence names, if it names one (null: it names another, unknown round). */
function byMonth(unit: string, events: PageEvent[]): PageEvent | null | undefined {
  const month = MONTH_ROUND.exec(unit)?.[1];
  if (month === undefined) return undefined;
  const mm = monthNumber(month);
  return events.find((e) => e.finding.month === mm || e.finding.event.date?.slice(5, 7) === mm) ?? null;
}

/**
 * A later sentence about a round already stated: "The round was led by X", "Other investors include Y",
 * "The most recent round, Series F, was in August 2018". It is about the round it names, else the round
 * the page reports rather than one it looks back on.
 */
function goOnAbout(index: number, events: PageEvent[], page: Page, target: CompanyTarget): void {
  const unit = page.units[index]!;
  // "Beta closed its pre-Series A round from A and B": a round another organisation raised, however it is named.
  if (namedRaiser(unit, target) === false) return;
  const named = roundName(unit);
  // "Acme is raising a further £50 million from A": the page's round of that very sum, told again with its investors.
  const sums = moneyIn(unit);
  const bySum = events.find(({ finding: { event } }) =>
    sums.some((m) => m.amount === event.amount && m.currency === event.currency),
  );
  if (
    (RUMOUR.test(unit) && !bySum) ||
    (named === null && !bySum && !ABOUT_THE_ROUND.test(unit) && !ABOUT_THE_ROUND_DE.test(unit))
  )
    return;
  const event =
    named !== null
      ? (events.filter((e) => e.finding.event.round === named).pop() ?? namedLater(unit, named, events))
      : (bySum ?? byMonth(unit, events) ?? events.filter((e) => !e.lookBack).pop());
  if (!event) return;
  addInvestors(event.finding.event, investorsIn(unit, target));
  if (MADE_OF.test(unit)) event.finding.parts = [...(event.finding.parts ?? []), ...moneyIn(unit)];
  // A date for a round the page did not date, from a sentence that says when the round happened (not one
  // that compares it with an earlier valuation "from June 2024", nor the date of "its previous raise in late 2022").
  const own = unit.replace(EARLIER_ROUND, ' ');
  const date = findDate(own, page.date);
  if (!event.finding.dateStated && date && findDate(own, null) !== null && (named !== null || PAST_RAISE.test(unit))) {
    event.finding.event.date = date;
    event.finding.dateStated = true;
  }
}

/**
 * An undated page was written after the latest date it states ("ARR of $75 million in April 2025"): a round
 * it dates by a month alone no later in the year than that date ("closed $300 million in February") is
 * likely of that year, unless another page gives the round's year. A later month may be of the year after,
 * so it stays unknown.
 */
function yearFromLatestDate(page: Page, events: PageEvent[]): void {
  const latest = page.units
    .map((unit) => findDate(unit, null))
    .filter((date): date is string => date !== null && date.length >= 7)
    .sort()
    .pop();
  if (!latest) return;
  for (const { finding } of events)
    if (finding.event.date === null && finding.month && finding.month <= latest.slice(5, 7))
      finding.pageYear = latest.slice(0, 4);
}

/**
 * The rounds a page states, each assembled from all the sentences about it: the sentence that states the
 * round, the sentences that go on about it, and the one just after that gives an unnamed amount its name.
 */
function fundingOf(page: Page, target: CompanyTarget): FundingFinding[] {
  const events: PageEvent[] = [];
  let lastRaiser: boolean | undefined;
  page.units.forEach((unit, index) => {
    const afterAnother = lastRaiser === false;
    lastRaiser = namedRaiser(unit, target) ?? lastRaiser;
    const stated = statesRaise(unit, target, afterAnother) ? statedRounds(unit, target, page.date) : [];
    if (stated.length === 0) return goOnAbout(index, events, page, target);
    // "has raised $40.8 million. The company announced the Series A2 funding round": the name is the amount's,
    // and so are the investors the naming sentence gives ("The Series C round, with participation from A and B").
    const last = events[events.length - 1];
    if (
      stated.length === 1 &&
      stated[0]!.money === null &&
      last?.unit === index - 1 &&
      last.finding.event.round === null
    ) {
      const [{ round, date, month, clause }] = stated as [RoundStatement];
      last.finding.event.round = round;
      addInvestors(last.finding.event, investorsIn(clause, target));
      if (!last.finding.dateStated && date) [last.finding.event.date, last.finding.dateStated] = [date, true];
      last.finding.month ??= month;
      return;
    }
    events.push(...statedEvents(page, index, stated, target));
  });
  if (page.date === null) yearFromLatestDate(page, events);
  // A sum told as background with neither a round's name nor a time ("which once raised £1 million") is no
  // round a reader can place.
  return events
    .filter((e) => !(e.lookBack && e.finding.event.round === null && !e.finding.dateStated && !e.finding.month))
    .map((e) => e.finding);
}

/** Funding rounds the target raised, read from every page about it (one finding per round per page). */
export function extractFunding(
  documents: Document[],
  target: CompanyTarget,
  read: PageReader = readPage,
): FundingFinding[] {
  return documents.flatMap((document) => {
    const page = read(document, target);
    // Spanish, Portuguese, French and Italian round statements, read in the English words for them.
    return readInEnglish(page, (english) => fundingOf(english, english.target));
  });
}

const ONCE = /^(?:pre-seed|seed|(?:pre-)?series|angel|ipo|initial)/i;
const roundKey = (round: string | null) =>
  (round ?? '')
    .toLowerCase()
    .replace(/\b(?:funding|financing|round)\b/g, '')
    .replace(/[^a-z0-9+]/g, '');
const year = (date: string | null) => Number(date?.slice(0, 4) ?? NaN);

/**
 * Whether two findings report the same round: the same round name; or, one unnamed, about the same amount
 * (in either currency, as pages convert it) within a year, and no other date between them.
 */
function sameRound(a: FundingEvent, b: FundingEvent): boolean {
  const sameDate =
    !(Math.abs(year(a.date) - year(b.date)) > 1) &&
    !(a.date && b.date && a.date.length >= 7 && b.date.length >= 7 && a.date.slice(0, 7) !== b.date.slice(0, 7));
  if (!a.round || !b.round) return roughlySameAmount(a, b) && sameDate;
  if (roundKey(a.round) !== roundKey(b.round)) return false;
  const sameAmount = a.amount === null || b.amount === null || roughlySameAmount(a, b);
  // A company raises each lettered round once, so two pages naming it mean one round, unless they give it
  // other sums years apart (a page that calls the next round by the last one's name); a private placement
  // or a debt financing it may raise again.
  return ONCE.test(a.round) ? sameAmount || sameDate : sameAmount && sameDate;
}

/**
 * A round a later page tells again, dated only by that page ("has invested $30 million", on a page of December
 * 2022), is the round an earlier page dates (April 2022, by the round or by the page's day), within the year
 * before the later page: the page's day is when it was written, not when the round was made.
 */
function toldLater(earlier: FundingFinding, later: FundingFinding): boolean {
  const [a, b] = [earlier.event, later.event];
  if (later.dateStated || !a.date || !b.date || a.date > b.date) return false;
  if (a.round !== b.round && a.round !== null && b.round !== null) return false;
  return roughlySameAmount(a, b) && year(b.date) - year(a.date) <= 1;
}

/** The amount a reader keeps of two for one sum: the one written more precisely ("$1.05 billion" over "$1 billion"). */
function preciseAmount(into: FundingEvent, from: FundingEvent): void {
  if (
    into.amount === null ||
    (from.amount !== null &&
      roughlySameAmount(into, from) &&
      from.currency === into.currency &&
      significantDigits(from.amount) > significantDigits(into.amount))
  )
    [into.amount, into.currency] = [from.amount, from.currency];
}

/** Adds a finding to the merged finding of the same round: the better date, the precise amount, every investor and source. */
function mergeInto(existing: FundingFinding, finding: FundingFinding): void {
  const [into, event] = [existing.event, finding.event];
  const date = betterDate(existing, finding);
  [into.date, existing.dateStated] = [date.date, date.stated];
  preciseAmount(into, event);
  into.leadInvestors = union(into.leadInvestors, event.leadInvestors);
  into.investors = union(into.investors, [...event.leadInvestors, ...event.investors]);
  into.sources = [...new Set([...into.sources, ...event.sources])];
  existing.parts = [...(existing.parts ?? []), ...(finding.parts ?? [])];
  existing.month ??= finding.month;
  existing.pageYear ??= finding.pageYear;
  existing.reports = [...(existing.reports ?? [existing]), ...(finding.reports ?? [finding])];
}

/** How many pages name an investor of a round as a lead, and how many name it only as one who took part. */
function leadVotes(investor: string, reports: FundingFinding[]): { lead: number; other: number } {
  const pages = new Map<string, 'lead' | 'other'>();
  for (const { event: report } of reports) {
    const page = report.sources[0] ?? '';
    if (report.leadInvestors.some((l) => sameInvestor(l, investor))) pages.set(page, 'lead');
    else if (!pages.has(page) && report.investors.some((i) => sameInvestor(i, investor))) pages.set(page, 'other');
  }
  const votes = [...pages.values()];
  return { lead: votes.filter((v) => v === 'lead').length, other: votes.filter((v) => v === 'other').length };
}

/**
 * Pages disagree on who led a round ("led by Nvidia and SoftBank" on one page; "led by SoftBank, with participation
 * from Nvidia" on two others): an investor that more pages name as taking part than as leading took part.
 */
function leadsMostPagesName(m: FundingFinding): void {
  const reports = m.reports ?? [];
  m.event.leadInvestors = m.event.leadInvestors.filter((lead) => {
    const votes = leadVotes(lead, reports);
    return votes.lead >= votes.other;
  });
}

/**
 * A round one page names as another round of the company's, of another sum (a Series C of $1.5 billion
 * beside a Series C of $1.05 billion), is the round another page names differently for the same sum and
 * time (the Series D of $1.5 billion): the page that repeats a name took the wrong one.
 */
function misnamed(merged: FundingFinding[]): FundingFinding[] {
  return merged.filter((m) => {
    const { round } = m.event;
    if (round === null || !merged.some((o) => o !== m && o.event.round === round)) return true;
    const other = merged.find(
      (o) =>
        o.event.round !== null &&
        roundKey(o.event.round) !== roundKey(round) &&
        roughlySameAmount(o.event, m.event) &&
        sameRound({ ...o.event, round: null }, { ...m.event, round: null }),
    );
    if (!other) return true;
    mergeInto(other, m);
    return false;
  });
}

/**
 * Pages disagree on a round's year ("in 2023" on one page; "last year" and "a year ago" on two pages of 2025):
 * the round took the year most pages that state one give, and the best date of that year. A tie keeps the better date.
 */
function yearMostPagesGive(m: FundingFinding): void {
  const stated = (m.reports ?? []).filter((r) => r.dateStated && r.event.date);
  const pages = new Map<string, Set<string>>();
  for (const r of stated) {
    const y = r.event.date!.slice(0, 4);
    pages.set(y, (pages.get(y) ?? new Set()).add(r.event.sources[0] ?? ''));
  }
  const [first, second] = [...pages].sort((a, b) => b[1].size - a[1].size);
  if (!first || !second || first[1].size === second[1].size || m.event.date?.startsWith(first[0])) return;
  const best = stated
    .filter((r) => r.event.date!.startsWith(first[0]))
    .reduce<{ date: string | null; stated: boolean }>(
      (date, r) => betterDate({ ...r, event: { ...r.event, date: date.date }, dateStated: date.stated }, r),
      { date: null, stated: false },
    );
  [m.event.date, m.dateStated] = [best.date, best.stated];
}

/** The better of two dates: one written with the round over the page's date, then the more precise, then the earlier. */
function betterDate(a: FundingFinding, b: FundingFinding): { date: string | null; stated: boolean } {
  const [x, y] = [a.event.date, b.event.date];
  if (!x || !y) return x ? { date: x, stated: Boolean(a.dateStated) } : { date: y, stated: Boolean(b.dateStated) };
  // "last year" (2024) and a report of May 7, 2024: the two agree, and the precise one says more.
  if (x !== y && (x.startsWith(y) || y.startsWith(x)))
    return x.length > y.length
      ? { date: x, stated: Boolean(a.dateStated) }
      : { date: y, stated: Boolean(b.dateStated) };
  if (Boolean(a.dateStated) !== Boolean(b.dateStated))
    return a.dateStated ? { date: x, stated: true } : { date: y, stated: true };
  return y.length > x.length || (y.length === x.length && y < x)
    ? { date: y, stated: Boolean(b.dateStated) }
    : { date: x, stated: Boolean(a.dateStated) };
}

/** The word a firm's full name adds to the name pages shorten it to ("Greenoaks Capital"). */
const FIRM_SUFFIX = /^\s(?:Capital|Partners|Ventures|Management|Group|Investments|Holdings|Advisors)$/;

/**
 * One event per round: the same round reported by several pages or sentences is merged with all its
 * sources and the union of its investors; distinct rounds (Series A and A-1) never merge. A finding with
 * neither a round name nor an amount is dropped.
 */
export function mergeFunding(findings: FundingFinding[]): FundingEvent[] {
  const found: FundingFinding[] = [];
  // Named rounds first, then dated amounts, so that an undated amount finds the round it belongs to.
  const rank = (f: FundingFinding) => Number(f.event.round !== null) * 2 + Number(f.event.date !== null);
  const ordered = findings.slice().sort((a, b) => rank(b) - rank(a));
  for (const finding of ordered) {
    const event = finding.event;
    if (event.round === null && event.amount === null) continue;
    // An unnamed amount joins the named round it matches best: the one of the very same sum, then of the
    // same date, if several match ("$1.5 billion" is the $1.5 billion round, not the $1.48 billion one).
    const score = (m: FundingFinding) =>
      Number(m.event.amount !== null && m.event.amount === event.amount) * 2 + Number(m.event.date === event.date);
    const existing = found
      .filter((m) => sameRound(m.event, event) || toldLater(m, finding) || toldLater(finding, m))
      .sort((a, b) => score(b) - score(a))[0];
    if (!existing) {
      found.push({
        ...finding,
        parts: [...(finding.parts ?? [])],
        event: {
          ...event,
          leadInvestors: [...event.leadInvestors],
          investors: [...event.investors],
          sources: [...event.sources],
        },
        reports: [finding],
      });
      continue;
    }
    mergeInto(existing, finding);
  }
  const merged = misnamed(found);
  merged.forEach(leadsMostPagesName);
  merged.forEach(yearMostPagesGive);
  // "raised €105 million in June" on one page, "the seed round it raised last year" (2023) on another: June 2023.
  for (const m of merged) {
    if (m.month && m.event.date?.length === 4) m.event.date = `${m.event.date}-${m.month}`;
    else if (m.month && m.event.date === null && m.pageYear) m.event.date = `${m.pageYear}-${m.month}`;
  }
  // An unnamed amount that another page gives as part of a round ("€468M in an equity round") is that part, not a round.
  const parts = merged.flatMap((m) => m.parts ?? []);
  const isPart = (e: FundingEvent) =>
    e.round === null && parts.some((p) => p.currency === e.currency && p.amount === e.amount);
  // "led by Greenoaks" and "investors include Greenoaks Capital": one firm, written the fuller way in both lists
  // ("SoftBank" and its "SoftBank Vision Fund 2" stay two).
  for (const { event } of merged)
    event.leadInvestors = event.leadInvestors.map(
      (l) => event.investors.find((i) => i.startsWith(`${l} `) && FIRM_SUFFIX.test(i.slice(l.length))) ?? l,
    );
  return merged
    .map((m) => m.event)
    .filter((e) => !isPart(e))
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
}
