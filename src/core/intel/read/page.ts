import type { CompanyTarget, Document } from '../component';
import { findDate, isoDay } from '../dates';
import { looksLikeInstruction } from '../text';
import { namesakeMentions, targetOnPage } from '../relevance';
import { cleanPage } from './clean';
import { isTargetOrganisation } from './organisations';
import { notNewsKind } from './page-kind';
import { sentences } from './sentences';

/** One page as the extractors read it: its cleaned units (sentences, list items, table rows) and its date. */
export interface Page {
  document: Document;
  /** The target as this page names it (a short form the page makes the company's counts as its name). */
  target: CompanyTarget;
  /** Sentences and lines the extractors may read: planted instructions and namesakes' sentences removed. */
  units: string[];
  /** The page's own date: the provider's published date, else the dateline's, else null. */
  date: string | null;
  /** Whether the page reports an event (a release, an article, an announcement) rather than describing the company. */
  newsLike: boolean;
  /**
   * Whether the headline is another organisation's news ("Radical Ventures raises $800 million"): what such a page
   * says in passing of the target is not the target's to report.
   */
  aboutAnother: boolean;
}

/** The organisation a headline opens with as its subject: "Radical Ventures raises ...", "Acme Corp has ...". */
// "Our Safety Focused LLM is Now Patented": the company speaking of itself, whatever the capitals that follow.
const HEADLINE_SUBJECT =
  /^(?!(?:Our|We|Why|How|What|When|This|These|Meet|Inside)\s)(\p{Lu}[\p{L}&.'’-]*(?:\s\p{Lu}[\p{L}&.'’-]*)+)\s(?:has|have|is|are|raises?|raised|closes?|closed|invests?|invested|backs?|backed|launches|launched|announces?|announced|says|said)\b/u;

const WIRE =
  /\/\s?(?:PRNewswire|PR Newswire|Business Wire|GLOBE NEWSWIRE|Globe Newswire|ACCESSWIRE|EINPresswire|PRWeb|Newsfile)\s?\/|\((?:BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE)\)/i;

/** "Feb. 3, 2025", "4 March 2024", "2025-02-03": a date with its year. */
const DATED = String.raw`\p{Lu}[a-z]{2,8}\.?\s\d{1,2},?\s\d{4}|\d{1,2}\s\p{Lu}[a-z]{2,8}\.?,?\s\d{4}|\d{4}-\d{2}-\d{2}`;
/** A wire's or an agency's name, then the dash that ends a dateline: " /PRNewswire/ --", " (Reuters) -", " –". */
const SOURCE_AND_DASH = String.raw`,?(?:\s?\/[^/]{3,30}\/|\s\((?:Reuters|AP|AFP|Bloomberg|[\p{Lu} ]{4,20})\))?\s*[-–—]{1,2}\s`;

/**
 * A dateline: the place a story was filed from, its date, the wire, up to the dash where the story starts. Three forms:
 * - any place before a dated line ("AUSTIN, Texas, Feb. 3, 2025 /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS
 *   WIRE)--Feb. 27, 2025--", "LONDON, 4 March 2024 –"), or a date alone on a line ("March 1, 2021"): group 1 is
 *   the date, group 2 the dash when the story follows on the line;
 * - a place in capitals, maybe a day without its year, and an agency ("LONDON, April 17 (Reuters) -"), which dates
 *   nothing. Four capitals or two words, because "TCV — " is a company's name, not a place;
 * - anything before a wire's name ("Acme, Feb. 3 /PRNewswire/ --").
 * The places it names are where the story was filed, not organisations the sentence is about.
 */
const DATELINE = new RegExp(
  [
    String.raw`^(?:(?:[\p{Lu}][\p{Lu}\p{L} .,'’/-]{1,60}?[,–—-]\s*(?:\([\p{Lu} ]{3,30}\)\s?[–—-]{1,2}\s*)?)?(${DATED})\b(${SOURCE_AND_DASH})?`,
    String.raw`|(?=\p{Lu}{4}|\p{Lu}{2,}[ /]\p{Lu}{2})\p{Lu}{2,}[\p{Lu} .'’/-]*(?:,\s\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)*(?:,?\s\p{Lu}[a-z]{2,8}\.?\s\d{1,2})?${SOURCE_AND_DASH}`,
    String.raw`|.{0,120}?\/\s?[A-Za-z ]*(?:Newswire|Wire|NEWSWIRE|WIRE|PRWeb)\s?\/\s*(?:--|–|—|-)\s*)`,
  ].join(''),
  'u',
);

/** A unit without its dateline; a date alone on its line stays, as the unit it is. */
function withoutDateline(unit: string): string {
  const m = DATELINE.exec(unit);
  return m && !(m[1] !== undefined && m[2] === undefined) ? unit.slice(m[0].length) : unit;
}

/** The date a page's dateline or date line states, from its first lines. */
export function datelineDate(units: string[]): string | null {
  for (const unit of units.slice(0, 6)) {
    const m = DATELINE.exec(unit);
    // A date opening a long line is a dateline when a wire names it or a dash follows it, not a sentence's start.
    if (m?.[1] && (WIRE.test(unit) || unit.length < 80 || m[2] !== undefined)) return findDate(m[1]);
  }
  return null;
}

/** Signals of a page that describes rather than reports: a profile, a team page, a job ad, a list of companies. */
const NOT_NEWS_TITLE =
  /\b(?:form\s(?:\d+-?[a-z]+|[a-z]-\d)|\d+-[kq]\b|exhibit\s\d+|proxy\sstatement|def\s14a|power\sof\sattorney|prospectus|annual\sreport|history\sof|leadership|our team|management team|executive team|board of directors|about us|about\b|company profile|profile|overview|careers?|jobs?|job opening|we(?:'|’)re hiring|apply|top \d+|\d+ (?:best|top|startups|companies)|startups to watch|companies to watch|list of|wikipedia|crunchbase|linkedin|zoominfo|pitchbook|glassdoor|contact)\b/i;
const NEWS_SIGNAL =
  /\b(?:announce[sd]?|today|raises?|raised|launch(?:es|ed)?|appoint(?:s|ed)|hires|hired|names|named|acquires?|acquired|partners? with|unveils?|reports?|secures?|closes?|expands?|opens?|said|says)\b/i;

/** The page's first words as it shows them, clutter and all: a byline, a read time, a table of contents tell its kind. */
const opening = (document: Document) => (document.rawContent ?? document.content).slice(0, 800).replace(/\s+/g, ' ');

function isNewsLike(document: Document, units: string[], date: string | null): boolean {
  if (WIRE.test(units.slice(0, 4).join(' '))) return true;
  if (date === null || !NEWS_SIGNAL.test(`${document.title} ${units.slice(0, 3).join(' ')}`)) return false;
  // The page reads as a dated event: it is news unless its title, its URL or its opening say it is another kind.
  return !(
    NOT_NEWS_TITLE.test(document.title) ||
    /\/(?:about|team|leadership|careers|jobs|people|management|company|[\w-]*blogs?|filings?|sec-filings|docs|help)(?:[/-]|$)/i.test(
      document.url,
    ) ||
    notNewsKind(document.title, document.url, opening(document)) !== null
  );
}

/** What reading a page's text yields: the same for every search result with that URL and text. */
type Reading = Pick<Page, 'units' | 'date' | 'target' | 'aboutAnother'> & {
  /** Every unit, for judging the page's kind. */
  all: string[];
};

function reading(document: Document, target: CompanyTarget): Reading {
  const all = sentences(cleanPage(document.rawContent ?? document.content));
  const units = all
    .filter((unit) => !looksLikeInstruction(unit) && namesakeMentions(unit, target) === 0)
    .map(withoutDateline);
  const date = isoDay(document.publishedDate) ?? datelineDate(all);
  const headlineSubject = HEADLINE_SUBJECT.exec(document.title)?.[1];
  const aboutAnother = headlineSubject !== undefined && !isTargetOrganisation(headlineSubject, target);
  return { all, units, date, target: targetOnPage(document, target), aboutAnother };
}

function pageOf(document: Document, { all, units, date, target, aboutAnother }: Reading): Page {
  let newsLike: boolean | undefined;
  return {
    document,
    target,
    units,
    date,
    aboutAnother,
    // Only the news extractors ask, and the page-kind checks are long to run: judged on first ask.
    get newsLike() {
      return (newsLike ??= isNewsLike(document, all, date));
    },
  };
}

/** Reads a document: cleans it, splits it, drops what no extractor may read, dates it. */
export function readPage(document: Document, target: CompanyTarget): Page {
  return pageOf(document, reading(document, target));
}

/** How extractors read a document: `readPage`, or a lookup's `pageReader`. */
export type PageReader = (document: Document, target: CompanyTarget) => Page;

/**
 * A reader for one lookup: a page that several searches return (to several components, or to one component
 * twice) is cleaned and split once for each target it is read for. A page read whole after a search (Tavily
 * `/extract`) has another text, so it is read afresh; each caller's page keeps the caller's document.
 */
export function pageReader(): PageReader {
  const readings = new Map<string, { document: Document; target: CompanyTarget; reading: Reading }[]>();
  const same = (a: Document, b: Document) =>
    (a.rawContent ?? a.content) === (b.rawContent ?? b.content) &&
    a.title === b.title &&
    a.publishedDate === b.publishedDate;
  return (document, target) => {
    const entries = readings.get(document.url) ?? [];
    let entry = entries.find((e) => e.target === target && same(e.document, document));
    if (!entry) {
      entry = { document, target, reading: reading(document, target) };
      readings.set(document.url, [...entries, entry]);
    }
    return pageOf(document, entry.reading);
  };
}

/** The units of a document an extractor may read. */
export function usableSentences(document: Document, target: CompanyTarget, read: PageReader = readPage): string[] {
  return read(document, target).units;
}
