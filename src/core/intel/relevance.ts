import type { CompanyTarget, Document } from './component';
import { escapeRegExp, hostOf } from './text';
import { initialsOf, targetNameWords } from './read/organisations';

/**
 * How often a text names an organisation: as written, in capitals, or a one-word name with its first capital
 * only ("Picpay Holdings" in a filing of PicPay), never in lower case, so "ramp up production" does not mention Ramp (a name
 * typed in lower case matches any case).
 */
export function mentions(text: string, name: string): number {
  if (!name) return 0;
  // Only a one-word name with inner capitals: "Varda space industries" is no way of writing Varda Space Industries.
  const firstCapitalOnly = /^\p{Lu}\p{Ll}+\p{Lu}\S*$/u.test(name) ? [name.charAt(0) + name.slice(1).toLowerCase()] : [];
  const forms =
    name === name.toLowerCase()
      ? escapeRegExp(name)
      : [name, name.toUpperCase(), ...firstCapitalOnly].map(escapeRegExp).join('|');
  return (text.match(new RegExp(`\\b(?:${forms})\\b`, name === name.toLowerCase() ? 'gi' : 'g')) ?? []).length;
}

/**
 * The company as a search names it: the form its pages use without a generic last word, quoted ("Harvey" for
 * Harvey AI, "Check Point" for Check Point Software), with the rest of the full name as plain words to rank
 * by; a quoted full name misses every page that says only the short form. A first word that a reader takes
 * as the name only after the full one (`shortName`: "Summit" of Summit Partners) is too wide to search by.
 */
export function searchName(target: CompanyTarget): string {
  const short = target.aliases
    .filter((alias) => alias !== target.shortName && target.name.startsWith(`${alias} `))
    .sort((a, b) => a.length - b.length)[0];
  return short ? `"${short}" ${target.name.slice(short.length + 1)}` : `"${target.name}"`;
}

/**
 * Another name the company's own site gives it, not a form of the name typed ("Mercury General" for Mercury
 * Insurance): filings, directories and older news use only that name, so one search of each kind asks for it.
 */
export function otherName(target: CompanyTarget): string | null {
  return (
    target.aliases.find(
      (alias) =>
        alias !== target.shortName && !target.name.startsWith(`${alias} `) && !alias.startsWith(`${target.name} `),
    ) ?? null
  );
}

/** The names among `names` that contain `name` and are longer ("Mercury Systems" for "Mercury"). */
const longerNames = (name: string, names: string[]) =>
  names.filter((other) => other !== name && other.length > name.length && mentions(other, name) > 0);

/**
 * Mentions of one of several same-name organisations that are not part of a longer one's name: in "Mercury
 * Systems said", "Mercury" (the insurer's short name) is not mentioned; "Mercury Systems" is.
 */
function ownOf(text: string, name: string, names: string[]): number {
  return Math.max(
    0,
    mentions(text, name) - longerNames(name, names).reduce((sum, other) => sum + mentions(text, other), 0),
  );
}

/** Words that may follow a company's name without making it another company's ("Acme Inc", "Acme CEO", "Acme said"). */
const NAME_FOLLOWERS = new Set([
  'inc',
  'corp',
  'corporation',
  'co',
  'ltd',
  'llc',
  'plc',
  'ag',
  'se',
  'sa',
  'nv',
  'gmbh',
  'group',
  'holdings',
  'technologies',
  'industries',
  'interactive',
  'international',
  'incorporated',
  'limited',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'president',
  'chief',
  'founder',
  'co-founder',
  'chairman',
  'executive',
  'said',
  'says',
  'announced',
  'today',
  'has',
  'is',
  'was',
  'will',
  'and',
  'the',
  'in',
  'on',
  'for',
  'to',
  'of',
]);

/**
 * Whether the page mostly names a longer organisation that starts with the target's name ("Apollo GraphQL"
 * on a lookup of Apollo, "Delta Dental Plans Association" on one of Delta Dental): a namesake the identity
 * search did not meet, whose page says the short name too.
 */
function extendedByNamesake(text: string, target: CompanyTarget): boolean {
  return extendedBy(text, target.name, target);
}

/**
 * How often a text writes `name` as the start of each longer name that is none of the target's ("Apollo
 * GraphQL"); with `regional`, a name "of" a place too ("Delta Dental of Pennsylvania").
 */
function extensionsOf(text: string, name: string, target: CompanyTarget, regional = false): number[] {
  const own = targetNameWords(target);
  const extensions = new Map<string, number>();
  const pattern = new RegExp(`\\b${escapeRegExp(name)}\\s(${regional ? '(?:of\\s)?' : ''}[A-Z][\\w&-]+)`, 'g');
  for (const m of text.matchAll(pattern)) {
    const word = m[1]!.toLowerCase().replace(/^of\s/, '');
    if (!NAME_FOLLOWERS.has(word) && !own.has(word)) extensions.set(word, (extensions.get(word) ?? 0) + 1);
  }
  return [...extensions.values()];
}

/** Whether a text mostly writes `name` as the start of one longer name that is none of the target's. */
function extendedBy(text: string, name: string, target: CompanyTarget): boolean {
  const top = Math.max(0, ...extensionsOf(text, name, target));
  return top >= 2 && top * 2 >= mentions(text, name);
}

const namesOf = (target: CompanyTarget) => [target.name, ...target.aliases, ...target.others];

/** Words of a name that say what kind of firm it is, not which: "Capital" is in thousands of firms' names. */
const GENERIC_NAME_WORDS = new Set([
  'ai',
  'capital',
  'partners',
  'ventures',
  'systems',
  'technologies',
  'technology',
  'group',
  'holdings',
  'industries',
  'labs',
  'inc',
  'company',
  'corporation',
]);

/**
 * Whether a page makes its short form the company's: it names the company in full in its title or opening, or
 * it speaks of what the rest of the name says ("Varda" on a page about space manufacturing is Varda Space
 * Industries), when that rest is more than generic words.
 */
function makesShortFormItsOwn(document: Document, target: CompanyTarget): boolean {
  const body = document.rawContent ?? document.content;
  if (mentions(`${document.title} ${body.slice(0, 400)}`, target.name) > 0) return true;
  const text = `${document.title} ${body}`;
  // The full name said later in passing ("backed by Stoke Space founders") does not speak of what it says.
  const withoutName = text.replaceAll(target.name, ' ');
  const rest = target.name
    .split(' ')
    .slice(1)
    .filter((word) => !GENERIC_NAME_WORDS.has(word.toLowerCase()));
  return (
    rest.length > 0 && rest.every((word) => new RegExp(`\\b${escapeRegExp(word.slice(0, 5))}`, 'i').test(withoutName))
  );
}

/**
 * The target as one page names it: a page that makes the short form the company's ("Varda" on a page about
 * space manufacturing) counts every bare "Varda" sentence as the company's; other pages do not.
 */
export function targetOnPage(document: Document, target: CompanyTarget): CompanyTarget {
  const named = withInitials(document, bareNamesakeAsTarget(document, target));
  if (!named.shortName || !makesShortFormItsOwn(document, named)) return named;
  const { shortName: _introduced, ...rest } = named;
  return rest;
}

/**
 * On a page that names the company in full once, its initials are the company too ("Sierra Nevada Corporation
 * ... SNC"), taken from the name or any alias of three words or more (the typed "Sierra Nevada Corporation" of
 * the company found as "Sierra Nevada").
 */
function withInitials(document: Document, target: CompanyTarget): CompanyTarget {
  const initials = [target.name, ...target.aliases]
    .filter((name) => name !== target.shortName)
    .map(initialsOf)
    .find((found): found is string => found !== null);
  if (!initials || target.aliases.includes(initials)) return target;
  const text = `${document.title}. ${document.rawContent ?? document.content}`;
  if (ownMentions(text, target, document) === 0) return target;
  return { ...target, aliases: [...target.aliases, initials] };
}

/**
 * On a page that names the company (or another of its names) in its title or opening, and no longer namesake,
 * a later bare "Mercury" is the company ("Mercury Insurance CEO ... Mercury said"), not the namesake that goes by
 * the bare word: a reader resolves it by the name the page began with.
 */
function bareNamesakeAsTarget(document: Document, target: CompanyTarget): CompanyTarget {
  const own = [target.name, ...target.aliases].filter((name) => name !== target.shortName);
  const bare = target.others.filter((other) => own.some((name) => name.startsWith(`${other} `)));
  if (bare.length === 0) return target;
  const body = document.rawContent ?? document.content;
  const opening = `${document.title} ${body.slice(0, 400)}`;
  if (!own.some((name) => mentions(opening, name) > 0)) return target;
  const longer = target.others.filter((other) => !bare.includes(other));
  const text = `${document.title} ${body}`;
  // "Delta Dental Plan of Puerto Rico", "Delta Dental of Pennsylvania" on a page about Delta Dental of California:
  // where the bare words mostly begin other names, a bare one is no more the company's than theirs.
  const extended = (other: string) =>
    extensionsOf(text, other, target, true).reduce((sum, n) => sum + n, 0) * 2 >= ownOf(text, other, namesOf(target));
  if (longer.some((other) => mentions(text, other) > 0) || bare.some(extended)) return target;
  return { ...target, aliases: [...target.aliases, ...bare], others: longer };
}

export function ownMentions(text: string, target: CompanyTarget, document?: Document): number {
  const names = [target.name, ...target.aliases].filter(
    (name) => name !== target.shortName || (document !== undefined && makesShortFormItsOwn(document, target)),
  );
  return names.reduce((sum, name) => sum + ownOf(text, name, namesOf(target)), 0);
}

/** Mentions of the namesakes (each counted without the mentions that belong to a longer name). */
export function namesakeMentions(text: string, target: CompanyTarget): number {
  return target.others.reduce((sum, other) => sum + ownOf(text, other, namesOf(target)), 0);
}

/**
 * Whether a document is about the target: it names the company in its title, twice in its text, or is on
 * its domain, and names it at least as often as any other company with the same name. Documents about a
 * namesake are dropped whole, and so is a page that names a longer namesake ("Acme Insurance") and never the
 * target in full: its later "Acme said" is the namesake too.
 */
export function isAboutTarget(document: Document, searched: CompanyTarget): boolean {
  const target = withInitials(document, bareNamesakeAsTarget(document, searched));
  const text = `${document.title}. ${document.rawContent ?? document.content}`;
  const onDomain =
    target.domain !== null &&
    ((hostOf(document.url) ?? '').endsWith(target.domain) || text.toLowerCase().includes(target.domain));
  // A page that names the company in full once may go on by its initials ("City Machine Technologies ... CMT").
  const own = ownMentions(text, target, document) + (onDomain ? 1 : 0);
  const names = namesOf(target);
  const longerNamesakes = longerNames(target.name, target.others);
  const longerNamesake = longerNamesakes.some((other) => ownOf(text, other, names) > 0);
  if ((longerNamesake || extendedByNamesake(text, target)) && !onDomain) return false;
  // A picked company whose name a longer namesake starts with ("Apollo": Apollo.io or Apollo Global Management):
  // a page that says only the bare word is either's, unless it names the pick's site (when its site is known)
  // or another of its names.
  const bareShared = target.picked === true && target.domain !== null && longerNamesakes.length > 0;
  if (bareShared && !onDomain && !target.aliases.some((alias) => mentions(text, alias) > 0)) return false;
  // A page that names the company once, and not in its title, is about something else ("At Summit he met ...").
  const inTitle = ownMentions(document.title, target) > 0;
  return (own >= 2 || inTitle || onDomain) && target.others.every((other) => ownOf(text, other, names) < own);
}

/**
 * Whether a page's title names, instead of the company, another organisation that begins with the company's first
 * word ("The Case of Sierra Space" on a lookup of Sierra Nevada Corporation), and its text names that one at least as
 * often as the company: the page is about that one, and who leads whom there is that one's (a unit's interim CEO is
 * not the parent's). Executives only: such a page may still report the company's own news.
 */
export function titleNamesAnother(document: Document, searched: CompanyTarget): boolean {
  const target = withInitials(document, searched);
  const text = `${document.title}. ${document.rawContent ?? document.content}`;
  if (target.domain !== null && (hostOf(document.url) ?? '').endsWith(target.domain)) return false;
  const first = target.name.split(' ')[0]!;
  if (first === target.name || ownMentions(document.title, target) > 0) return false;
  const names = [target.name, ...target.aliases];
  const owned = targetNameWords(target);
  // The company's full names and initials: a bare first word is as much the other organisation's.
  const own = names
    .filter((name) => name !== target.shortName && name !== first)
    .reduce((sum, name) => sum + mentions(text, name), 0);
  const longer = new RegExp(`\\b${escapeRegExp(first)}\\s(\\p{Lu}[\\p{L}&-]+)`, 'gu');
  return [...document.title.matchAll(longer)].some(
    ([name, word]) =>
      !NAME_FOLLOWERS.has(word!.toLowerCase()) && !owned.has(word!.toLowerCase()) && mentions(text, name) >= own,
  );
}

export function relevantDocuments(documents: Document[], target: CompanyTarget): Document[] {
  const seen = new Set<string>();
  return documents.filter((d) => {
    if (seen.has(d.url)) return false;
    seen.add(d.url);
    return isAboutTarget(d, target);
  });
}
