/**
 * Finds sentences that state something about a company (an amount, a date, an event) that none of the
 * draft's facts supports. It is deliberately simple and explainable: a sentence is a claim when it has a
 * claim marker, and it is grounded when every marker it has also appears in one of the draft's facts.
 */

const FAMILIES: Record<string, RegExp> = {
  funding: /\b(rais(e|ed|es|ing)|funding|funded|round|series [a-h]\b|seed|invest(ed|ment|ments|or|ors)|valuation|ipo)\b/i,
  launch: /\b(launch(ed|es|ing)?|releas(ed|es)|unveil(ed|s)|introduc(ed|es)|debut(ed|s)?|rolled out)\b/i,
  partnership: /\b(partner(ed|ship|ships|s|ing)?|teamed up|alliance|collaborat(ion|ed|es))\b/i,
  expansion: /\b(expand(ed|s|ing)?|expansion|opened|new offices?|entered)\b/i,
  hire: /\b(hired|hires|hiring|appoint(ed|s|ment)|joins|joined|new (ceo|cto|cfo|coo|cmo|cro|vp|head))\b/i,
  acquisition: /\b(acquir(ed|es|ing)|acquisition|merg(ed|er|es))\b/i,
  metrics: /\b(revenue|arr|profitable|profitability|grew|growth of|customers|employees|headcount|users|market share)\b/i,
};

/** Amounts, percentages, years and counts of things: the numbers that make a sentence a factual claim. */
const NUMBER_CLAIM = /(?:[$€£¥]\s?\d[\d,.]*\s?(?:k|m|mm|bn|b|million|billion|thousand)?\b)|(?:\b\d[\d,.]*\s?(?:%|percent\b|million\b|billion\b|(?:m|bn)\b|(?:employees|customers|users|offices|countries|stores|locations|people)\b))|(?:\b(?:19|20)\d{2}\b)/gi;

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
}

interface Markers {
  families: Set<string>;
  numbers: Set<string>;
}

const FAMILY_ENTRIES = Object.entries(FAMILIES);

export function claimMarkers(text: string): Markers {
  const families = new Set<string>();
  for (const [family, pattern] of FAMILY_ENTRIES) if (pattern.test(text)) families.add(family);
  const numbers = new Set((text.match(NUMBER_CLAIM) ?? []).map(normaliseNumber));
  return { families, numbers };
}

/** A fact's markers are read once: the same fact objects are shared by every draft of a company. */
const markersOfFact = new WeakMap<object, Markers>();

function factMarkers(fact: GroundingEvidence['facts'][number]): Markers {
  let markers = markersOfFact.get(fact);
  if (!markers) {
    markers = claimMarkers(fact.text);
    if (fact.trigger) markers.families.add(fact.trigger);
    markersOfFact.set(fact, markers);
  }
  return markers;
}

/** Sentences of `text` with a claim marker no fact supports, with their character spans. */
export function ungroundedClaims(text: string, evidence: GroundingEvidence): Span[] {
  const supported: Markers = { families: new Set(), numbers: new Set() };
  for (const fact of evidence.facts) {
    const markers = factMarkers(fact);
    for (const family of markers.families) supported.families.add(family);
    for (const number of markers.numbers) supported.numbers.add(number);
  }
  const ownTexts = evidence.own.map((own) => own.trim()).filter((own) => own.length >= 3);
  const spans: Span[] = [];
  for (const sentence of sentenceSpans(text)) {
    const withoutOwn = ownTexts.reduce((remaining, own) => remaining.split(own).join(' '), sentence.text);
    const markers = claimMarkers(withoutOwn);
    const unsupported = [...markers.families].some((f) => !supported.families.has(f)) || [...markers.numbers].some((n) => !supported.numbers.has(n));
    if (unsupported) spans.push(sentence);
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
  const digits = raw.toLowerCase().match(/\d[\d,.]*/)?.[0]?.replace(/,/g, '') ?? raw;
  return String(Number.parseFloat(digits));
}
