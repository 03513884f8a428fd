import type Nlp from 'compromise';
import type { CompanyTarget, Document } from '../component';
import type { Executive } from '../domain';
import { readPage, type Page, type PageReader } from '../read/page';
import { pageStatements, personStatements, type PersonStatement } from '../read/people';
import { distance } from 'fastest-levenshtein';
import { fullGivenName, stripNameSuffixes, withoutCredentials } from '../read/names';
import { isFounderOnly, needsOwner, uniqueRoles } from '../read/titles';
import { hostOf, normaliseKey } from '../text';
import { findDate } from '../dates';
import type { Finding } from './finding';

/**
 * compromise (word lexicon and tagger), loaded on first use: threads and commands without a lookup never pay its
 * memory and load time (docs/benchmarks.md).
 */
interface Tagger {
  /** Word -> tag: tens of thousands of words, including first names. */
  lexicon: Record<string, string | string[] | undefined>;
  nlp: typeof Nlp;
}
let tagger: Promise<Tagger> | undefined;
const loadTagger = () =>
  (tagger ??= import('compromise').then(({ default: nlp }) => ({
    nlp,
    lexicon: (nlp.model() as { one: { lexicon: Tagger['lexicon'] } }).one.lexicon,
  })));

/** Loads compromise (a second or so, once per thread). */
export async function loadPersonTagger(): Promise<void> {
  await loadTagger();
}

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const PROPER_TAGS = new Set([...FIRST_NAME_TAGS, 'ProperNoun', 'Organization', 'Place', 'Region', 'Country', 'City']);

/** People compromise finds per sentence, remembered: cached pages repeat their sentences on every lookup. */
const peopleCache = new Map<string, string[]>();
const PEOPLE_CACHE_SIZE = 2000;

function peopleIn({ nlp }: Tagger, sentence: string): string[] {
  let people = peopleCache.get(sentence);
  if (!people) {
    people = nlp(sentence).people().out('array') as string[];
    if (peopleCache.size >= PEOPLE_CACHE_SIZE) peopleCache.delete(peopleCache.keys().next().value!);
    peopleCache.set(sentence, people);
  }
  return people;
}

const tagsOf = ({ lexicon }: Tagger, word: string): string[] =>
  [lexicon[word.toLowerCase()] ?? []].flat().filter((tag): tag is string => tag !== undefined);

function knownFirstName(tagger: Tagger, word: string): boolean {
  return tagsOf(tagger, word).some((tag) => FIRST_NAME_TAGS.has(tag));
}

/**
 * Whether a capitalised name in a sentence may be an organisation: not a person's (a known first name), and
 * not one common word capitalised to open the sentence ("Part of Summit's explanation ...").
 */
function mayBeOrganisation(tagger: Tagger, name: string): boolean {
  if (knownFirstName(tagger, name.split(' ')[0]!)) return false;
  return name.includes(' ') || !isCommonWord(tagger, name);
}

/** A word the lexicon knows, and not as a name of anyone or anything ("Part", "Blue", "Origin"). */
function isCommonWord(tagger: Tagger, word: string): boolean {
  const tags = tagsOf(tagger, word);
  return tags.length > 0 && !tags.some((tag) => PROPER_TAGS.has(tag));
}

/**
 * Whether a candidate name is a person. A first word compromise's lexicon knows as a first name settles it
 * at the cost of a lookup. Otherwise the tagger (costly per sentence: docs/benchmarks.md) is asked only when the
 * lexicon sees someone else in the sentence, or knows the name's first word as a common one: then the name must
 * be among the people compromise finds. An unknown name alone in its sentence is accepted.
 */
function isPerson(tagger: Tagger, name: string, sentence: string): boolean {
  if (knownFirstName(tagger, name.split(' ')[0]!)) return true;
  const someoneElse = [...sentence.matchAll(/\b([A-Z][a-z]+)(?= [A-Z][a-z]+)/g)].some(
    (m) => !name.includes(m[1]!) && knownFirstName(tagger, m[1]!),
  );
  // "Blue Origin": a name opening with a common word is the tagger's to judge.
  const commonOpening = isCommonWord(tagger, name.split(' ')[0]!);
  if (!someoneElse && !commonOpening) return true;
  // "Tressie Lieberman, evp, ..., will report to ..." beside a known "Michelle": a name the writer sets off with a
  // comma, of words the lexicon knows nothing of (no common word, place or organisation), is one it lacks, which
  // the tagger would not find either.
  // A particle of the name ("do", "van") is a word the lexicon knows, and says nothing of the rest.
  const words = name.split(' ').filter((word) => !NAME_PARTICLE.test(word));
  const setOff = sentence.includes(`${name},`);
  if (someoneElse && setOff && words.length > 1 && words.every((word) => tagsOf(tagger, word).length === 0))
    return true;
  const people = peopleIn(tagger, sentence);
  return (
    (people.length === 0 && someoneElse) ||
    // "Barros Jr." of "Paulino do Rego Barros Jr.": compromise's person, suffix and all, within the name.
    people.some((p) => p.includes(name) || name.includes(stripNameSuffixes(p.replace(/[.,]$/, ''))))
  );
}

const NAME_PARTICLE = /^(?:van|von|der|den|de|del|della|da|di|du|dos|do|la|le|bin|ibn|al|el|ter|ten)$/;

/** "Ask Jane Doe, the partner ...": a common word opening a sentence, run into the name of a known first name. */
function withoutOpeningWord(tagger: Tagger, name: string): string {
  const [first, second, ...rest] = name.split(' ');
  // "diz ao NeoFeed José Batista": a word with an inner capital is a brand's, run into the person's name.
  if (rest.length > 0 && /^(?!Mc|Mac|De|Di|Da|La|Le|Du|Van|Von)\p{Lu}\p{Ll}+\p{Lu}/u.test(first!))
    return [second, ...rest].join(' ');
  return rest.length > 0 && isCommonWord(tagger, first!) && knownFirstName(tagger, second!)
    ? [second, ...rest].join(' ')
    : name;
}

interface Statement extends PersonStatement {
  /** The page's date: the newest dated statement about a person wins. */
  date: string;
  evidence: string;
  document: Document;
  /** Read from a team page's line or table row rather than a sentence. */
  listed: boolean;
  /** The sentence names no organisation but the target (other people's names are no organisation). */
  onlyTargetNamed?: boolean;
  /** The sentence names an organisation besides the target, whose title this may be. */
  anotherNamed?: boolean;
}

function statementsOf(page: Page, target: CompanyTarget): Statement[] {
  // An undated page's statement is as new as the date it states ("was appointed CFO, effective May 12, 2025").
  // An implied title is never newer than a stated one, so it keeps no date.
  const from = (unit: string, statement: PersonStatement, listed: boolean): Statement => ({
    ...statement,
    date: statement.inferred ? '' : (page.date ?? findDate(unit) ?? ''),
    evidence: unit,
    document: page.document,
    listed,
  });
  const inText = pageStatements(page.units, target).map(({ statement, index, pair, pronoun }) => {
    const unit = page.units[index]!;
    // A line with no sentence end is a team page's or a table's: listed, not said in passing.
    return pair
      ? from(`${unit} ${page.units[index + 1]}`, statement, !pronoun)
      : from(unit, statement, /^[^.!?]*$/.test(unit) && unit.length < 160);
  });
  // A news headline states an appointment as plainly as its first sentence ("Acme hires Jane Doe as CFO").
  const title = page.document.title;
  const inTitle = page.newsLike ? personStatements(title, target).map((s) => from(title, s, false)) : [];
  // A page whose headline is another organisation's news ("Initech raises ...") says who leads Initech; only a title
  // it ties to the company by name is the company's.
  return [...inText, ...inTitle].filter((s) => !page.aboutAnother || s.status === 'departed' || s.explicit);
}

/** "co-founder and CEO" already says "CEO". */
const includesTitle = (title: string, part: string) => ` ${normaliseKey(title)} `.includes(` ${normaliseKey(part)} `);
const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);
/** One key per person: full given name and family name, so "Andy Lapsa" and "Andrew Lapsa" are one executive. */
function personKey(name: string): string {
  // "J. David Joyner" goes by his middle name: he is "David Joyner".
  const words = normaliseKey(stripNameSuffixes(name))
    .split(' ')
    .filter((word, i, all) => !(i === 0 && word.length === 1 && all.length > 2));
  return words.length > 1 ? `${fullGivenName(words[0]!)} ${words.slice(1).join(' ')}` : words.join(' ');
}

/**
 * The key of a person already met whose family name this one misspells by a letter on another page ("Gabriel
 * Pereira" on one page, "Gabriel Pereyra" on others), when it has five letters or more; one page naming both
 * spellings is telling two people apart. Short forms of a name are merged once all are met (`mergeShortForms`).
 */
function samePersonKey(statement: Statement, byPerson: Map<string, Statement[]>): string {
  const key = personKey(statement.name);
  if (byPerson.has(key)) return key;
  const words = key.split(' ');
  const [given, family] = [words[0]!, words[words.length - 1]!];
  const known = [...byPerson.keys()].map((other) => ({ other, words: other.split(' ') }));
  if (words.length < 2 || family.length < 5) return key;
  const typoOf = known.find(({ other, words: w }) => {
    const otherFamily = w[w.length - 1]!;
    return (
      w.length === words.length &&
      w[0] === given &&
      otherFamily.length >= 5 &&
      distance(family, otherFamily) === 1 &&
      !byPerson.get(other)!.some((s) => s.document.url === statement.document.url)
    );
  });
  return typoOf?.other ?? key;
}

/** Whether a departure takes this title away: it names no title, or one sharing a role with it; and it is not older. */
function departureCovers(departed: Statement, held: Statement): boolean {
  // A departure is news of a change, so it is newer than what it ends, unless both are dated and the title is newer.
  if (departed.date && held.date && departed.date < held.date) return false;
  if (!departed.title) return true;
  const left = new Set(uniqueRoles(departed.title.replace(/\b(?:interim|acting|co-)\s?/gi, '')));
  return (
    normaliseKey(departed.title) === normaliseKey(held.title ?? '') ||
    uniqueRoles(held.title ?? '').some((role) => left.has(role))
  );
}

/** How new an undated statement is taken to be when it and a dated one give a company's one CEO (CFO, ...) to two people. */
const UNDATED_AS_OF_YEARS = 3;

/** How old a dated statement may be and still say who holds a title now, unless a newer or undated one repeats it. */
const CURRENT_FOR_YEARS = 15;

/**
 * The current executives the pages state: per person the newest dated title, unless a departure at least as
 * new took it away; a role a company has one of (CEO, CFO, ...) stays with whoever holds it in the newest
 * statement. Returns one finding per statement of each person kept, all with the title chosen.
 */
function currentExecutives(statements: Statement[], now: number): Finding[] {
  const oldest = String(new Date(now).getUTCFullYear() - CURRENT_FOR_YEARS);
  const byPerson = new Map<string, Statement[]>();
  for (const statement of statements) {
    const key = samePersonKey(statement, byPerson);
    byPerson.set(key, [...(byPerson.get(key) ?? []), statement]);
  }
  mergeShortForms(byPerson);
  const current = new Map<string, Statement>();
  for (const [key, own] of byPerson) {
    const sites = new Set(own.map((s) => hostOf(s.document.url) ?? s.document.url)).size;
    const departures = own.filter((s) => s.status === 'departed');
    const held = own
      .filter((s) => s.status === 'holds' && !departures.some((d) => departureCovers(d, s)))
      .filter((s) => !needsOwner(s.title) || s.explicit || s.listed || s.onlyTargetNamed)
      // "Kevin Lin, co-founder of Twitch" read loosely: a bare founder's title beside another organisation, tied to
      // the target by nothing and said on one site only, is abstained from; a false founder costs more than a miss.
      .filter((s) => !isFounderOnly(s.title) || s.explicit || s.listed || !s.anotherNamed || sites > 1)
      // "George Joseph, CEO, said" in 1998 says nothing of who is CEO today.
      .filter((s) => !s.date || s.date.slice(0, 4) >= oldest)
      .sort((a, b) => b.date.localeCompare(a.date) || (b.title?.length ?? 0) - (a.title?.length ?? 0));
    const position = held.find((s) => !isFounderOnly(s.title));
    const founder = held.find((s) => /founder/i.test(s.title ?? ''));
    // A founder stays one: "Co-founder" from one page and "CEO" from a newer one make "Co-founder and CEO".
    const title =
      position && founder && !/founder/i.test(position.title ?? '') && !includesTitle(founder.title!, position.title!)
        ? `${capitalised(founder.title!)} and ${position.title}`
        : ((position ?? founder)?.title ?? null);
    if (held[0]) current.set(key, { ...(position ?? held[0]), title });
  }
  const holders = new Map<string, [string, Statement][]>();
  for (const [key, statement] of current)
    for (const role of uniqueRoles(statement.title ?? ''))
      holders.set(role, [...(holders.get(role) ?? []), [key, statement]]);
  // An undated page is read as served today: what it says is at least as new as a few years ago, so a claim dated
  // long before ("Under chief executive A" in 2019) loses to it, and one dated since still wins.
  const undated = new Date(now - UNDATED_AS_OF_YEARS * 365.25 * 86_400_000).toISOString().slice(0, 10);
  const asOf = (s: Statement) => s.date || undated;
  for (const claims of holders.values()) {
    const newest = claims.reduce((max, [, s]) => (asOf(s) > max ? asOf(s) : max), '');
    for (const [key] of claims.filter(([, s]) => asOf(s) < newest)) current.delete(key);
  }
  return [...current.entries()].flatMap(([key, chosen]) => {
    const held = byPerson.get(key)!.filter((s) => s.status === 'holds');
    const name = withoutCredentials(fullestName(held.map((s) => s.name)) ?? mostStated(held.map((s) => s.name)));
    return held.map((s) => ({
      field: 'executive',
      value: `${name} | ${chosen.title}`,
      evidence: s.evidence,
      document: s.document,
    }));
  });
}

/**
 * "Mike Doustdar" and "Maziar Doustdar" on some pages, "Maziar Mike Doustdar" on another: one person, when the
 * pages give exactly one full name with the family name and that given name.
 */
function mergeShortForms(byPerson: Map<string, Statement[]>): void {
  for (const key of [...byPerson.keys()]) {
    const [given, family, ...more] = key.split(' ');
    if (!family || more.length > 0) continue;
    const fuller = [...byPerson.keys()].filter((other) => {
      const words = other.split(' ');
      return words.length === 3 && words[2] === family && words.slice(0, 2).map(fullGivenName).includes(given!);
    });
    if (fuller.length !== 1) continue;
    byPerson.set(fuller[0]!, [...byPerson.get(fuller[0]!)!, ...byPerson.get(key)!]);
    byPerson.delete(key);
  }
}

const nameWords = (name: string) => normaliseKey(stripNameSuffixes(name)).split(' ').map(fullGivenName);

/** A name spelling out every word of the others ("Maziar Mike Doustdar" of "Mike Doustdar"), with no initial to guess. */
function fullestName(names: string[]): string | undefined {
  const longest = names.reduce((a, b) => (nameWords(b).length > nameWords(a).length ? b : a));
  const words = nameWords(longest);
  const spellsOut = (name: string) => nameWords(name).every((word) => words.includes(word));
  const shorter = names.some((name) => nameWords(name).length < words.length);
  return shorter && words.every((word) => word.length > 1) && names.every(spellsOut) ? longest : undefined;
}

/** The form of a name the pages use most ("Andy Lapsa" over a single "Andrew Lapsa"); the fuller one on a tie. */
function mostStated(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]![0];
}

/**
 * Executives of the target in the documents about it: each sentence and line is read for people holding or
 * leaving a title there (read/people.ts), names are confirmed as people's by compromise, and the statements
 * are resolved to who holds what now.
 */
export async function extractExecutives(
  documents: Document[],
  target: CompanyTarget,
  read: PageReader = readPage,
  now = Date.now(),
): Promise<Finding[]> {
  const tagger = await loadTagger();
  const companyWords = new Set(normaliseKey(target.name).split(' '));
  const statements = documents
    .flatMap((document) => {
      const page = read(document, target);
      return statementsOf(page, page.target);
    })
    .map((s) => ({ ...s, name: withoutOpeningWord(tagger, s.name) }))
    // "Stoke Space" is no person; "Leo P. Hickey" of Hickey Metal Fabrication is.
    .filter((s) => !companyWords.has(normaliseKey(s.name).split(' ')[0]!))
    .filter(
      (s) =>
        s.status === 'departed' ||
        isPerson(tagger, stripNameSuffixes(s.name), s.evidence) ||
        // "founded by Hanno Renner, Arseniy Vershinin and ...": a list with a known person's name is one of people,
        // unless this name opens with a common word ("former Blue Origin engineers A and B").
        (s.listedWith?.some((other) => knownFirstName(tagger, other.split(' ')[0]!)) &&
          !isCommonWord(tagger, s.name.split(' ')[0]!)),
    )
    .map((s) => ({
      ...s,
      onlyTargetNamed: s.namedBesides !== undefined && !s.namedBesides.some((name) => mayBeOrganisation(tagger, name)),
      anotherNamed: s.namedBesides?.some((name) => mayBeOrganisation(tagger, name)) ?? false,
    }));
  return currentExecutives(statements, now);
}

export function seniorityOf(title: string): Executive['seniority'] {
  if (/founder/i.test(title)) return 'founder';
  if (/^(?:CEO|CFO|CTO|COO|CMO|CRO|CIO|CPO|CISO|CHRO)$|Chief .* Officer|^President$/i.test(title)) return 'c_level';
  if (/chair|board/i.test(title)) return 'board';
  if (/vice[ -]president|\bVP\b/i.test(title)) return 'vp';
  if (/head of/i.test(title)) return 'head';
  if (/director|partner|counsel/i.test(title)) return 'director';
  return 'other';
}

export function functionOf(title: string): Executive['function'] {
  const rules: [RegExp, Executive['function']][] = [
    // A vice president's function is the area named after it ("Vice President of Engineering"), not the president's.
    [/CEO|Executive Officer|(?<!Vice[ -])President|founder|Chair|Managing Director/i, 'executive'],
    [/CFO|Financ|Account/i, 'finance'],
    [/CTO|CIO|CISO|Technolog|Engineering|Information|Security|Data/i, 'technology'],
    [/COO|Operat|Supply/i, 'operations'],
    [/CRO|Revenue|Sales|Business Development|Commercial/i, 'sales'],
    [/CMO|Marketing|Brand|Communications/i, 'marketing'],
    [/CPO|Product/i, 'product'],
    [/CHRO|People|Human|Talent/i, 'people'],
    [/Counsel|Legal/i, 'legal'],
    [/Partner|Invest/i, 'investment'],
  ];
  return rules.find(([pattern]) => pattern.test(title))?.[1] ?? 'other';
}
