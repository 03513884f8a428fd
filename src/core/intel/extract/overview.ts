import type { CompanyTarget, Document } from '../component';
import { readPage, type Page, type PageReader } from '../read/page';
import { escapeRegExp, normaliseKey } from '../text';
import { namePatterns } from '../read/name-patterns';
import { ownMentions } from '../relevance';
import { isTargetOrganisation } from '../read/organisations';
import type { Finding } from './finding';

const PLACE = "([A-Z][\\w'’.-]+(?:[ -][A-Z][\\w'’.-]+)*(?:, [A-Z][\\w'’.-]+(?: [A-Z][\\w'’.-]+)*)?)";
const HEADQUARTERS = new RegExp(
  `\\b(?:[Hh]eadquartered|[Bb]ased|[Hh]eadquarters(?: is| are)?(?: located)?) in (?:the )?${PLACE}`,
);
/** "at the Company's headquarters at 50 Minuteman Road, Andover, Massachusetts 01810": a filing's own address. */
const OWN_HEADQUARTERS_ADDRESS = new RegExp(
  `\\b(?:the [Cc]ompany['’]s|its|our) (?:corporate |principal |global |world )?headquarters(?: is| are)?(?: located)? at \\d+[\\w .'’-]{1,40}?, ${PLACE}`,
);
/** "Headquarters: Sparks, Nevada", "Hq Location City | Sparks, Nevada": a directory's row. */
const HEADQUARTERS_ROW = new RegExp(
  `^(?:Headquarters|HQ|Hq Location(?: City)?|Head office|Location)\\s*[:|]\\s*${PLACE}$`,
  'i',
);
/** A sentence whose subject is the page's company without naming it, or a directory row. */
const SELF_SUBJECT =
  /^(?:The [Cc]ompany|The (?:firm|startup|group|bank|insurer|business)|It|Its|Headquartered|Based|Founded|Established|Headquarters|HQ)\b|\bthe (?:company|firm|group|bank|insurer) (?:(?:is |was )?(?:based|headquartered) in|moved its)\b/;
/** "moved its corporate headquarters from Cambridge, Massachusetts to Miami, Florida": where it is now. */
const MOVED_HEADQUARTERS = new RegExp(
  `\\bmoved its (?:corporate |global )?(?:headquarters|HQ) (?:from (?:[A-Z][\\w.]+ ?){1,3}(?:, (?:[A-Z][\\w.]+ ?){1,2})? )?to ${PLACE}`,
);
/** "has picked Pittsburgh for its corporate headquarters", "selected Tulsa as its new headquarters". */
const CHOSEN_HEADQUARTERS = new RegExp(
  `\\b(?:picked|chose|chosen|selected|named) ${PLACE} (?:as|for) (?:its|their) (?:(?:new|official|corporate|global|world) )*headquarters\\b`,
);
/** A postal line's town and state: "Santa Clara, California 95054-1549", "Santa Clara, CA 95054". */
const POSTAL_TOWN =
  /(?:^|,\s)([A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){0,2}),\s([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2})\s\d{5}(?:-\d{4})?\s*$/;
/** A postal line abroad: "Curitiba — PR, 80010-000, Brazil", "Lyon, 69002, France": the town and the country. */
const POSTAL_TOWN_ABROAD =
  /^(\p{Lu}[\p{L}.'’]+(?:\s\p{Lu}[\p{L}.'’]+){0,2})(?:(?:\s[—–-]\s\p{Lu}{2})?,\s(?:\d{4,6}(?:-\d{3})?|[A-Z\d]{2,4}\s?\d[A-Z]{2})|\s\d{5,7}),\s(\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?)$/u;
/**
 * A filing's cover names the address of its principal executive offices on the line below it, or below the
 * telephone line ("(Address, Including Zip Code, and Telephone Number, ..., of Registrant's Principal Executive Offices)").
 */
const OFFICES_CAPTION =
  /^\(?Address(?:es)?(?:, including [^)]*?)? of (?:the )?(?:registrant['’]s )?principal executive offices?/i;
const TELEPHONE = /^\+?[\d\s().-]{7,20}$/;
/** "Industry: Software", a table's "Industry | Computer |". */
const INDUSTRY_ROW = /^(?:Industry|Industries|Sector)\s*[:|]\s*([^|]{3,60}?)\s*\|?$/i;
/** An infobox flattened to text, label and value run together: "Industry Computer hardware", "Industry Aerospace & Defense". */
const INDUSTRY_ROW_RUN_TOGETHER = /^Industry\s(\p{Lu}[\p{L}-]*(?:\s(?:&|and|[\p{L}-]+)){0,3})$/u;
/** A profile's label alone on its line, its value on the next: "HEADQUARTERS" above "Seoul, South Korea". */
const LABEL_ALONE =
  /^(?:(headquarters|hq|head office|headquarters location|address)|(founded|when founded|year founded|date founded|established|incorporated)|(industry|industries|sector))\s*:?$/i;
const PLACE_ALONE = new RegExp(`^${PLACE}$`);
/** A founding date as a profile gives it: "1938", "June 16, 1911", "February 16, 1982; 41 years ago". */
const FOUNDING_DATE = /^(?:[A-Z][a-z]+\.?\s)?(?:\d{1,2},?\s)?((?:18|19|20)\d{2})\b/;
const INDUSTRY_VALUE = /^[^.!?;:]{3,60}$/;
/** Words that say where, how big or how good a company is, not what it does. */
const NOT_INDUSTRY =
  /^(?:(?:leading|family(?:-owned|-run)?|few|other|several|many|number one|no\. ?1|top|global|privately held|private(?! equity| credit)|public|publicly traded|fast-growing|american|british|french|german|dutch|swedish|israeli|indian|european|u\.s\.|us|uk|world's|multinational|new|(?:\w+-|(?:second|third|fourth|fifth)\s)?(?:largest|biggest|oldest|best-known)|most \w+|(?:kind|type|sort) of|parent|holding|sister|struggling|young|first|only|\w+-year-old|(?:early|late|growth)-stage|[\w.]+-based|[\w.]+-headquartered)(?:\s+|$))+/i;
/** Company kinds that are an industry themselves: "a digital-only bank" is in banking. */
const KIND_INDUSTRY: Record<string, string> = {
  bank: 'banking',
  insurer: 'insurance',
  lender: 'lending',
  retailer: 'retail',
  airline: 'airline',
  vc: 'venture capital',
};
/** "Nordic", "Belgian", "Danish", "Japanese": a people's adjective says where a company is from, not what it does. */
const DEMONYM = /^(?:\p{Lu}\p{Ll}+(?:ian|ish|ese|ean|an|ic|i|ch|ss)\s+)+/u;
/** "(\"VC\")", "(AI)": an abbreviation a description spells out in brackets, no word of the industry itself. */
const BRACKETED_ABBREVIATION = /\s*\(["“]?[A-Z]{2,5}["”]?\)/g;
/** A proper name inside a description ("the 39 Delta Dental companies", "Acxiom"): another organisation, not an industry. */
const NAMES_SOMEONE = /\b[A-Z][a-z]+\b|\d/;
const FOUNDED = new RegExp(
  [
    // The year may stand after the founders and a former name ("founded Acme as Acme Rubber Co. in 1920"): an
    // abbreviation's full stop ("Co.", "C. Turney Stevens Jr.") does not end the clause; a new clause is checked below.
    /\b(?:founded|established|incorporated|(?<!\b(?:he|she|they)\s)started(?!\s(?:as|his|her|their)\b)|set up)\b(?:[^.;]|(?<=\b(?:[A-Z]|Co|Inc|Corp|Ltd|Jr|Sr|St|Dr|Mr|Ms|Mrs|No))\.){0,60}?\b(?:in )?((?:18|19|20)\d{2})\b/,
    /\bits (?:founding in ((?:18|19|20)\d{2})|((?:18|19|20)\d{2}) founding)\b/,
    // "roots go back to the founding of Acme Pharmacy in Lowell, in 1963"; a directory's `"founded_year": 2015`.
    /\b(?:founding of|oprichting van|Gründung von)\b[^.]{0,60}?\bin ((?:18|19|20)\d{2})\b/,
    /\bfounded_year"?\s*:\s*((?:18|19|20)\d{2})\b/,
    // German, French, Portuguese, Spanish and Dutch pages: "2018 gegründet", "seit der Gründung 2018", "fundada em 1923".
    /\b(?:gegründet|fondée?|fundad[ao]|opgericht)\s(?:en\s|em\s|in\s|im\sJahr\s|im\s)?((?:18|19|20)\d{2})\b/,
    /\b((?:18|19|20)\d{2})\s(?:gegründete[nmrs]?|opgerichte)\b|\bGründung\s(?:im\sJahr\s)?((?:18|19|20)\d{2})\b/,
  ]
    .map((part) => part.source)
    .join('|'),
  'i',
);
/**
 * ", who sold it in 2015", "Acme, founded by A and B, began operations in 2014", "; in 2019": a clause after the
 * founding verb (a relative, a conjunction, or the sentence's own verb after the founders), whose year is not the founding's.
 */
const NEW_CLAUSE =
  /,\s(?:who|which|that|and|but|before|after|when|while|until|where|began|became|grew|went|took|made|won|built|sold|bought|had|has|have|is|are|was|were|now|later|then|[a-z]+ed)\b|;|\s[—–]\s/;
/**
 * "Jane Roe created Acme in March 2006", "Acme has run on open source since it was created in 2006": a creating verb
 * founds a company only when the company is what was created (a product is created too).
 */
const CREATED =
  /\b(?:created\s(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*)*)|(?:it|the company) (?:was|were) created)\sin\s(?:\p{Lu}\p{Ll}+\s)?((?:18|19|20)\d{2})\b/u;
/** The sentence's opening name: "Twitter Inc. has been built ...". */
const OPENING_NAME = /^(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*)*)/u;
/** "he co-founded Sphere (acquired in 2008)", "the founding of CVS Pharmacy": what was founded, a name. */
const FOUNDED_OBJECT = /^\S+(?: up| of)?\s+(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*)*)/u;
/** "Taylor-Dunn, which was founded in 1949", "Sierra Space was set up in 2021": the organisation founded. */
const FOUNDED_RELATIVE =
  /(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*)*)(?:,\s(?:which|that))?\s(?:was|were|has been|had been)\s$/u;
/** "its Rise of the Rest fund was set up in 2017": something founded that is not a company. */
const FOUNDED_NOT_COMPANY =
  /\b(?:fund|funds|programme|program|initiative|office|division|unit|lab|laboratory|team|foundation|prize|award|conference|partnership|plant|factory|campus)\s(?:was|were|has been|had been)\s$/i;
/** "Waev was founded by five former Polaris leaders last year": a year told from the page's own date. */
const FOUNDED_LAST_YEAR = /\b(?:founded|established|set up)\b[^.]{0,60}?\b(last|this) year\b/i;
/** "the Strip District", "the Latin Quarter": a neighbourhood of the town the headquarters are in, not the town. */
const NEIGHBOURHOOD = /\s(?:District|Quarter)$/;
/** "the number one maker of electric scooters": the kinds whose object is what the company does. */
const MAKER_KIND = /^(?:maker|manufacturer|producer|provider|developer)$/i;
/** "maker of electric scooters in Japan": the object's words up to the first function word. */
const KIND_OBJECT = /^ of ((?:[a-z][\w-]*)(?: [a-z][\w-]*){0,3})/;
/** "company building quantum computers", "startup that develops drug-discovery software": what a kind does. */
const KIND_ACTIVITY =
  /^,? (?:that |which )?(?:builds?|building|makes?|making|develops?|developing|designs?|designing|manufactures?|manufacturing|produces?|producing|speciali[sz](?:es|ing) in|focused on|focusing on) ((?:[a-z][\w-]*)(?: [a-z][\w-]*){0,3})/;
/**
 * A release's dateline whose story opens with the company: "RICHARDSON, Texas - April 9, 2020 - Acme, Inc. ...",
 * "Mechelen, Belgium; 2 May 2023, 22:01 CET; regulated information – Acme NV": the town and region, and the story.
 */
const OWN_DATELINE =
  /^(\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,2}),\s(\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?)(?:[,;]|\s[-–—])\s(?:\d{1,2}\s)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:\s\d{1,2})?,?\s\d{4}\b([^–—]{0,40}?)\s[-–—]{1,2}\s(.+)$/u;
/** A news agency's dateline is where its reporter was, not where the company is. */
const AGENCY = /\((?:Reuters|AP|AFP|Bloomberg|Dow Jones)\)/;
const EMPLOYEES =
  /\b(?:employs|has|with|of)\s+(?:about|around|approximately|over|more than|nearly|some)?\s*([\d,]{2,7})\s+(?:employees|people|staff|workers)\b/i;
const PRODUCTS = /\b(?:products|offerings|platforms?) (?:include|includes|are|such as)\s+([^.;]+)/i;

/** Words that end a description's run of industry words: "investors in the startup Ramp" names no industry. */
const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'in',
  'into',
  'on',
  'of',
  'for',
  'to',
  'at',
  'by',
  'with',
  'from',
  'about',
  'over',
  'as',
  'whether',
  'which',
  'who',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'is',
  'was',
  'be',
  'said',
  'says',
  // "which backed fintech startup Acme": what another organisation did to the company ends the run ("helped
  // launch" in HELPED; a bare "launch" is an industry's word, as in "launch services company").
  'help',
  'helped',
  'launched',
  'backed',
  'led',
  'incubated',
  'acquired',
  'bought',
  // "In six years software firm Acme ...": a span of time ends the run too.
  'years',
  'months',
  'weeks',
  'decades',
]);

/**
 * The industry a description states: its words without place, size or praise, and the company's kind when
 * the kind is an industry ("the third-largest home insurer" is in home insurance).
 */
function industryOf(description: string, kind: string): string | undefined {
  const words = description.replace(BRACKETED_ABBREVIATION, '').trim().split(/\s+/);
  // "the fund that helped launch AI startup Acme": the verb after "help" ends the run too.
  const ends = (word: string, i: number) =>
    FUNCTION_WORDS.has(word.toLowerCase()) || (i > 0 && /^help(?:s|ed)?$/i.test(words[i - 1]!));
  const own = words
    .slice(words.findLastIndex(ends) + 1)
    .join(' ')
    .replace(NOT_INDUSTRY, '')
    .replace(DEMONYM, '')
    .replace(NOT_INDUSTRY, '');
  if (NAMES_SOMEONE.test(own)) return undefined;
  return [own, KIND_INDUSTRY[kind.toLowerCase()]].filter(Boolean).join(' ') || undefined;
}

/** The article an appositive opens with, before the company's age or town it may skip. */
const APPOSITIVE_ARTICLE = /, (?:an?|the|one of the) /i;

/**
 * The appositive match when what it skipped before its words is the company's age or town ("a 13-year-old,
 * Shanghai, China-based ..."): the pattern is case-blind, so a skipped clause ("the two had worked at Beta, one
 * of the few other firms") is told apart here by its lower-case words.
 */
function ageOrTownSkipped(match: RegExpExecArray | null): RegExpExecArray | null {
  if (!match) return null;
  const article = APPOSITIVE_ARTICLE.exec(match[0]);
  const skipped = article ? match[0].slice(article.index + article[0].length, match[0].lastIndexOf(match[1]!)) : '';
  return skipped.split(/[\s,]+/).every((word) => word === '' || /^(?:\p{Lu}|\d+-year-old$)/u.test(word)) ? match : null;
}

/** "Eldridge Industries, a Miami-based company": a place told of another organisation in apposition is not the target's. */
const APPOSITION_OF = /(\p{Lu}[\p{L}\d&.'’-]*(?:\s\p{Lu}[\p{L}\d&.'’-]*)*),\s(?:an?|the)\s$/u;

/** "Today, the Paris-based startup": a sentence's opening word of time or linking before the comma, no organisation. */
const OPENING_WORD =
  /^(?:(?:On|By|Since|Until|Last|This|Next)\s)?(?:Today|Yesterday|Now|Meanwhile|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|However|Instead|Still|Earlier|Later|Here|There)$/;

function placeOfTarget(match: RegExpExecArray | null, sentence: string, target: CompanyTarget): string | undefined {
  if (!match) return undefined;
  const owner = APPOSITION_OF.exec(sentence.slice(0, match.index + 1))?.[1];
  return owner && !OPENING_WORD.test(owner) && !isTargetOrganisation(owner, target) ? undefined : match[1];
}

let countries: Set<string> | undefined;
/** "Acme in Europe": a part of the world is where a company works, as a country is. */
const REGIONS =
  /^(?:the )?(?:Europe|Asia|Africa|Oceania|(?:North|South|Central|Latin) America|(?:the )?Americas|Middle East|Asia[- ]Pacific|EMEA|APAC|Scandinavia|Nordics)$/i;
/** "UK-based Monzo": a country alone says where a company is from, not where its headquarters are. */
function isCountry(place: string): boolean {
  if (!countries) {
    const regions = new Intl.DisplayNames(['en'], { type: 'region' });
    countries = new Set(['us', 'usa', 'u s', 'u s a', 'uk', 'u k', 'america', 'britain', 'great britain', 'england']);
    for (let first = 65; first <= 90; first++)
      for (let second = 65; second <= 90; second++) {
        const code = String.fromCharCode(first, second);
        const name = regions.of(code);
        if (name && name !== code) countries.add(normaliseKey(name));
      }
  }
  return countries.has(normaliseKey(place)) || REGIONS.test(place);
}

/** "its European headquarters and a team based in Dublin": an office of the company, not its headquarters. */
const AN_OFFICE =
  /\b(?:(?:European|Asian|Asia-Pacific|APAC|EMEA|Americas|North American|Latin American|regional)\sheadquarters|(?:office|team|hub|subsidiary|unit|division|branch|plant|factory|site|staff)s?\s(?:(?:is|are|was|were)\s)?)\b[^.]*$/i;

/** "Until mid-2020 Acme was headquartered in Boston": where the headquarters were before, not where they are. */
const FORMERLY = /\b(?:until|before|previously|formerly|originally|used to|had been)\b/i;
/** "a merger between Acme, based in Salem, and Beta": the places of the parties that merged, not of what they formed. */
const MERGER = /\bmerg(?:er|ed|ing)\b/i;

function headquartersIn(sentence: string): string | undefined {
  const match = HEADQUARTERS.exec(sentence);
  if (!match || MERGER.test(sentence) || FORMERLY.test(sentence.slice(0, match.index))) return undefined;
  return AN_OFFICE.test(sentence.slice(Math.max(0, match.index - 200), match.index)) ? undefined : match[1];
}

/** Whether the founding a match reads is of the target, not of another organisation, fund or office the sentence names. */
function foundsTarget(match: RegExpExecArray, sentence: string, target: CompanyTarget): boolean {
  const object = FOUNDED_OBJECT.exec(sentence.slice(match.index))?.[1];
  const before = sentence.slice(0, match.index);
  const subject = FOUNDED_RELATIVE.exec(before.slice(-120))?.[1];
  const another = [object, subject].some((name) => name !== undefined && !isTargetOrganisation(name, target));
  return !another && !FOUNDED_NOT_COMPANY.test(before);
}

/** The year a sentence says the target was founded; "last year" counts back from the page's date. */
function foundingYear(sentence: string, page: Page): string | undefined {
  const match = FOUNDED.exec(sentence);
  if (match) {
    const year = match.slice(1).find(Boolean)!;
    const clause = match[0].slice(0, match[0].lastIndexOf(year));
    return foundsTarget(match, sentence, page.target) && !NEW_CLAUSE.test(clause) ? year : undefined;
  }
  const created = CREATED.exec(sentence);
  if (created) {
    const founded = created[1] ?? OPENING_NAME.exec(sentence)?.[1];
    return founded !== undefined && isTargetOrganisation(founded, page.target) ? created[2] : undefined;
  }
  const relative = page.date ? FOUNDED_LAST_YEAR.exec(sentence) : null;
  if (!relative || !foundsTarget(relative, sentence, page.target)) return undefined;
  return String(Number(page.date!.slice(0, 4)) - (relative[1]!.toLowerCase() === 'last' ? 1 : 0));
}

/** The object's words up to the first function word, as an industry. */
function industryOfObject(object: string | undefined): string | undefined {
  const words = object?.split(' ');
  const end = words?.findIndex((word) => FUNCTION_WORDS.has(word));
  return words && industryOf(words.slice(0, end === -1 ? undefined : end).join(' '), '');
}

/** "a leading maker of electric scooters": the industry is what the maker makes. */
function madeByKind(described: RegExpExecArray, sentence: string): string | undefined {
  if (!MAKER_KIND.test(described[2]!)) return undefined;
  return industryOfObject(KIND_OBJECT.exec(sentence.slice(described.index + described[0].length))?.[1]);
}

/** "a French company building neutral atom quantum computers": what the kind does, when its words name no industry. */
function doneByKind(described: RegExpExecArray, sentence: string): string | undefined {
  return industryOfObject(KIND_ACTIVITY.exec(sentence.slice(described.index + described[0].length))?.[1]);
}

/**
 * The town of a unit that is a postal line where a page gives the company's address: a filing's cover ("...,
 * Santa Clara, California 95054" above "(Address of principal executive offices)", the telephone line maybe
 * between), a release's letterhead (the company's name, its street, then its town) or an address right above
 * the company's own site ("www.acme.com").
 */
function postalTown(page: Page, index: number, ownSite: RegExp | null): string | undefined {
  const unit = page.units[index]!;
  const next = page.units[index + 1] ?? '';
  const captioned =
    OFFICES_CAPTION.test(next) || (TELEPHONE.test(next) && OFFICES_CAPTION.test(page.units[index + 2] ?? ''));
  const letterhead =
    index > 0 &&
    index <= 3 &&
    page.units
      .slice(Math.max(0, index - 2), index)
      .some((line) => ownMentions(line, page.target) > 0 && line.length < 60);
  if (!captioned && !letterhead && !ownSite?.test(next)) return undefined;
  const postal = POSTAL_TOWN.exec(unit);
  if (postal) return `${postal[1]}, ${postal[2]}`;
  const abroad = POSTAL_TOWN_ABROAD.exec(unit);
  return abroad && isCountry(abroad[2]!) ? `${abroad[1]}, ${abroad[2]}` : undefined;
}

/** A line that is the company's own site alone ("www.acme.com"), or null when its domain is unknown. */
function ownSiteLine(target: CompanyTarget): RegExp | null {
  return target.domain === null ? null : new RegExp(`^(?:https?://)?(?:www\\.)?${escapeRegExp(target.domain)}/?$`, 'i');
}

/** The town of a dateline in a page's first lines when the story opens with the target's name. */
function ownDatelineTown(document: Document, target: CompanyTarget): { town: string; line: string } | undefined {
  const names = [target.name, ...target.aliases].map((name) => name.toLowerCase());
  for (const line of (document.rawContent ?? document.content).split('\n').slice(0, 6)) {
    const match = OWN_DATELINE.exec(line.trim());
    if (!match || AGENCY.test(match[3]!)) continue;
    if (!names.some((name) => match[4]!.toLowerCase().startsWith(name))) continue;
    // "RICHARDSON": a dateline's capitals are the town's name in its usual case.
    const town = match[1]!.replace(/\p{Lu}+/gu, (word) => word[0] + word.slice(1).toLowerCase());
    return { town: `${town}, ${match[2]}`, line: line.trim() };
  }
  return undefined;
}

/**
 * The field and value of a label alone on its line with its value on the next ("WHEN FOUNDED" above "1938"), as
 * profiles and scraped about pages lay them out; an "Address:" label's value is the postal line among the next three.
 */
function labelledRow(units: string[], index: number): { field: string; value: string } | undefined {
  const label = LABEL_ALONE.exec(units[index]!);
  const next = units[index + 1];
  if (!label || next === undefined) return undefined;
  if (label[1]?.toLowerCase() === 'address') {
    const postal = units
      .slice(index + 1, index + 4)
      .map((line) => POSTAL_TOWN.exec(line))
      .find(Boolean);
    return postal ? { field: 'headquarters', value: `${postal[1]}, ${postal[2]}` } : undefined;
  }
  if (label[1]) return PLACE_ALONE.test(next) ? { field: 'headquarters', value: next } : undefined;
  if (label[2]) {
    const year = FOUNDING_DATE.exec(next)?.[1];
    return year ? { field: 'founded', value: year } : undefined;
  }
  return INDUSTRY_VALUE.test(next) && !LABEL_ALONE.test(next) ? { field: 'industry', value: next } : undefined;
}

/** Reads the overview fields from the usable sentences of documents about the target. */
export function extractOverview(documents: Document[], target: CompanyTarget, read: PageReader = readPage): Finding[] {
  const findings: Finding[] = [];
  const {
    isA,
    appositive,
    descriptor,
    placeAfterName,
    placeBased,
    placeOwning,
    placeIn,
    sectorNoun,
    sinceItBegan,
    sinceYear,
  } = namePatterns(target);
  // "Since 1955, Acme has ...": what it has done may have begun after its founding, so such a year is kept only
  // when no page states the founding itself.
  const sinceYears: Finding[] = [];
  // A release may be filed from where an event is held: a dateline's town is kept only when no page states where
  // the company is.
  const datelineTowns: Finding[] = [];
  for (const document of documents) {
    const page = read(document, target);
    if (page.aboutAnother) continue;
    const ownSite = ownSiteLine(page.target);
    const datelineTown = ownDatelineTown(document, page.target);
    if (datelineTown)
      datelineTowns.push({ field: 'headquarters', value: datelineTown.town, evidence: datelineTown.line, document });
    for (const [index, sentence] of page.units.entries()) {
      const add = (field: string, value: string | undefined, to = findings) => {
        if (value)
          to.push({
            field,
            value: value
              .trim()
              .replace(/['’]s$/, '')
              .replace(/[.,;:]+$/, ''),
            evidence: sentence,
            document,
          });
      };
      add('headquarters', postalTown(page, index, ownSite));
      const row = labelledRow(page.units, index);
      if (row && !(row.field === 'headquarters' && isCountry(row.value))) add(row.field, row.value);
      // Where and how big are read only from sentences about the target: "based in Dublin" may be an investor's.
      // "The firm", "It": the page's own subject.
      const aboutTarget = ownMentions(sentence, page.target) > 0 || SELF_SUBJECT.test(sentence);
      const isAMatch = isA.exec(sentence);
      if (isAMatch) add('description', sentence);
      const appositiveMatch = isAMatch ? null : ageOrTownSkipped(appositive.exec(sentence));
      const descriptorMatch = (isAMatch ?? appositiveMatch) ? null : descriptor.exec(sentence);
      const described = isAMatch ?? appositiveMatch ?? descriptorMatch;
      if (described) {
        // "Sportswear giant Nike ..." opens the sentence with the industry's first word capitalised.
        // Not "LiveRamp, an Acxiom company": there the capital is a name's.
        const opensSentence = described.index === 0 && described === descriptorMatch;
        add(
          'industry',
          madeByKind(described, sentence) ??
            industryOf(
              opensSentence
                ? (described[1] ?? '').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())
                : (described[1] ?? ''),
              described[2]!,
            ) ??
            doneByKind(described, sentence),
        );
      } else
        add(
          'industry',
          sectorNoun.exec(sentence)?.[1] ??
            INDUSTRY_ROW.exec(sentence)?.[1] ??
            INDUSTRY_ROW_RUN_TOGETHER.exec(sentence)?.[1],
        );
      const place =
        placeOfTarget(placeBased.exec(sentence), sentence, page.target) ??
        placeAfterName.exec(sentence)?.[1] ??
        placeOwning.exec(sentence)?.[1] ??
        HEADQUARTERS_ROW.exec(sentence)?.[1] ??
        OWN_HEADQUARTERS_ADDRESS.exec(sentence)?.[1] ??
        placeIn.exec(sentence)?.[1] ??
        (aboutTarget
          ? (MOVED_HEADQUARTERS.exec(sentence)?.[1] ??
            CHOSEN_HEADQUARTERS.exec(sentence)?.[1] ??
            headquartersIn(sentence))
          : undefined);
      // "The San Francisco", "New York City's Flatiron District": the city is the place.
      const town = place?.replace(/^(?:The|His|Her|Its|Their|Our) /, '').replace(/['’]s\b.*$/, '');
      if (town && !isCountry(town) && !NEIGHBOURHOOD.test(town)) add('headquarters', town);
      add('founded', foundingYear(sentence, page) ?? sinceItBegan.exec(sentence)?.[1]);
      add('founded', sinceYear.exec(sentence)?.[1], sinceYears);
      const employees = aboutTarget ? EMPLOYEES.exec(sentence)?.[1] : undefined;
      if (employees) add('employees', employees.replace(/,/g, ''));
      const products = PRODUCTS.exec(sentence)?.[1];
      if (products) {
        for (const product of products.split(/,\s*(?:and\s+)?|\s+and\s+/))
          add('products', product.replace(/^the\s+/i, ''));
      }
    }
  }
  const stated = (field: string) => findings.some((f) => f.field === field);
  return [...findings, ...(stated('founded') ? [] : sinceYears), ...(stated('headquarters') ? [] : datelineTowns)];
}
