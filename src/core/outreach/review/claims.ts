/**
 * Finds sentences that state something about a company (an amount, a date, an event, who owns it) that
 * none of the draft's facts supports. It is deliberately simple and explainable: a sentence is a claim
 * when it has a claim marker, and it is grounded when every marker it has also appears in one of the
 * draft's facts, and every name it mentions appears in a fact with one of its markers ("a Google company"
 * needs a fact that says so, not one about Google's partnership).
 */

const FAMILIES: Record<string, RegExp> = {
  funding:
    /\b(rais(e|ed|es|ing)|funding|funded|round|series [a-h]\b|seed|invest(ed|ment|ments|or|ors)|valuation|ipo)\b/i,
  launch: /\b(launch(ed|es|ing)?|releas(ed|es)|unveil(ed|s)|introduc(ed|es)|debut(ed|s)?|rolled out)\b/i,
  partnership: /\b(partner(ed|ship|ships|s|ing)?|teamed up|alliance|collaborat(ion|ed|es))\b/i,
  expansion: /\b(expand(ed|s|ing)?|expansion|opened|new offices?|entered)\b/i,
  hire: /\b(hired|hires|hiring|appoint(ed|s|ment)|joins|joined|new (ceo|cto|cfo|coo|cmo|cro|vp|head))\b/i,
  acquisition: /\b(acquir(ed|es|ing)|acquisition|merg(ed|er|es)|bought|buys|purchased)\b/i,
  // Ownership and status. "part of" and "a … company" count only before a name ("part of Google", "a Google
  // company"), so "as part of your plans" and "a payroll company" stay plain words.
  ownership:
    /\b(?:[Pp]art of|[Oo]wned by|[Bb]acked by|[Ss]ubsidiary of|[Dd]ivision of|[Uu]nit of|[Aa]ffiliate of|[Mm]ember of|[Ss]pun (?:out|off) (?:of|from)|[Ss]pin-?off (?:of|from)|[Tt]aken over by|[Bb]elongs to|[Aa]bsorbed (?:into|by)|[Cc]ontrolled by|[Pp]ortfolio company of|new parent,?)\s+(?:the\s+)?\p{Lu}|\p{Lu}[\p{L}\p{N}&'’-]*\s+(?:took over|owns|controls)\b|\b[Uu]nder\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}&'’-]*\s+(?:ownership|control)\b|\b[Aa]n?\s+(?:\p{Lu}[\p{L}\p{N}&'’-]*\s+){1,3}(?:company|subsidiary|brand|business|venture|portfolio company)\b|\b(?:subsidiar(?:y|ies)|parent company|sister company|[\p{L}\p{N}]+-(?:owned|backed))\b/u,
  // Status: the company's standing as a business, which a fact must state.
  status:
    /\b(?:bankrupt(?:cy)?|insolven(?:t|cy)|receivership|liquidat(?:ed|ion)|shut(?:ting)? down|clos(?:ed|ing) (?:its|their) doors|wound down|ceased trading|went public|going public|delisted)\b/i,
  metrics:
    /\b(revenue|arr|profitable|profitability|grew|growth of|customers|employees|headcount|users|market share)\b/i,
};

/** Amounts, percentages, years and counts of things: the numbers that make a sentence a factual claim. */
const NUMBER_CLAIM =
  /(?:[$€£¥]\s?\d[\d,.]*\s?(?:k|m|mm|bn|b|million|billion|thousand)?\b)|(?:\b\d[\d,.]*\s?(?:%|percent\b|million\b|billion\b|(?:m|bn)\b|(?:employees|customers|users|offices|countries|stores|locations|people)\b))|(?:\b(?:19|20)\d{2}\b)/gi;

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface GroundingEvidence {
  /** The facts the draft lists: their text, and the kind of event each is when known. */
  facts: readonly { text: string; trigger?: string | null }[];
  /** Text the draft may say without a fact: the sender's own words and the lead's own row. */
  own: readonly string[];
  /** People a draft may name without a fact: the lead and the sender. */
  names?: readonly string[];
}

interface Markers {
  families: Set<string>;
  numbers: Set<string>;
}

/** A fact's markers, and its words (lower case) for finding the names a claim mentions. */
interface FactMarkers extends Markers {
  words: Set<string>;
}

/** A capitalised word that does not start inside another word: a name, or a word at a sentence's start. */
const CAPITALISED = /(?<![\p{L}\p{N}\p{M}])\p{Lu}[\p{L}\p{M}\p{N}]*/gu;
/** Capitalised words that name nobody: sentence openers, greetings, calendar words, job and trade acronyms. */
const NOT_NAMES = new Set(
  `i we you they he she it our your their my his her its the a an this that these those there here
  congrats congratulations hi hello hey dear best thanks thank cheers regards great nice exciting impressive
  saw noticed read heard just quick would could can will do does did is are was were have has had and but so also
  as at in on for from with by to of after since when while given if what how why where who which not no yes
  now today recently then looks seems love loved curious wondering happy glad well all any some many most every each
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december ceo cto cfo coo cmo cro cio cpo vp svp evp ai api crm saas b2b b2c arr mrr
  hr ipo gtm smb q1 q2 q3 q4`.split(/\s+/),
);

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);
}

const FAMILY_ENTRIES = Object.entries(FAMILIES);

export function claimMarkers(text: string): Markers {
  const families = new Set<string>();
  for (const [family, pattern] of FAMILY_ENTRIES) if (pattern.test(text)) families.add(family);
  const numbers = new Set((text.match(NUMBER_CLAIM) ?? []).map(normaliseNumber));
  return { families, numbers };
}

/** A fact's markers are read once: the same fact objects are shared by every draft of a company. */
const markersOfFact = new WeakMap<object, FactMarkers>();

function factMarkers(fact: GroundingEvidence['facts'][number]): FactMarkers {
  let markers = markersOfFact.get(fact);
  if (!markers) {
    markers = { ...claimMarkers(fact.text), words: wordsOf(fact.text) };
    if (fact.trigger) markers.families.add(fact.trigger);
    markersOfFact.set(fact, markers);
  }
  return markers;
}

/** Sentences of `text` with a claim marker no fact supports, or naming someone its facts do not, with their character spans. */
export function ungroundedClaims(text: string, evidence: GroundingEvidence): Span[] {
  const facts = evidence.facts.map(factMarkers);
  const supported: Markers = { families: new Set(), numbers: new Set() };
  for (const markers of facts) {
    for (const family of markers.families) supported.families.add(family);
    for (const number of markers.numbers) supported.numbers.add(number);
  }
  const ownTexts = evidence.own.map((own) => own.trim()).filter((own) => own.length >= 3);
  const ownWords = wordsOf([...evidence.own, ...(evidence.names ?? [])].join(' '));
  const spans: Span[] = [];
  for (const sentence of sentenceSpans(text)) {
    const withoutOwn = ownTexts.reduce((remaining, own) => remaining.split(own).join(' '), sentence.text);
    const markers = claimMarkers(withoutOwn);
    if (markers.families.size === 0 && markers.numbers.size === 0) continue;
    const unsupported =
      [...markers.families].some((f) => !supported.families.has(f)) ||
      [...markers.numbers].some((n) => !supported.numbers.has(n));
    // The facts that say what this sentence claims; a name in the sentence must come from one of them.
    const sources = facts.filter(
      (fact) =>
        [...markers.families].some((f) => fact.families.has(f)) ||
        [...markers.numbers].some((n) => fact.numbers.has(n)),
    );
    const names = (withoutOwn.match(CAPITALISED) ?? [])
      .map((word) => word.toLowerCase())
      .filter((word) => !NOT_NAMES.has(word) && !ownWords.has(word));
    const unnamed = names.some((name) => !sources.some((fact) => fact.words.has(name)));
    if (unsupported || unnamed) spans.push(sentence);
  }
  return spans;
}

/** Sentences and lines of a text with their offsets (a line break ends a sentence too). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/(?:[^.!?\n]|[.!?](?=[^\s.!?]))+[.!?]*/g)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = match.index + leading;
    spans.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return spans;
}

function normaliseNumber(raw: string): string {
  const digits =
    raw
      .toLowerCase()
      .match(/\d[\d,.]*/)?.[0]
      ?.replace(/,/g, '') ?? raw;
  return String(Number.parseFloat(digits));
}
