import { OTHER_LANGUAGE_AND, OTHER_LANGUAGE_TITLES, inEnglish } from './people-other-languages';

/**
 * Job titles of decision makers, as a regular-expression source that matches them in any case ("chief
 * executive officer", "Co-Founder & CTO", "Senior Vice President, Global Sales", "founder, CEO and Chief
 * Investment Officer"). Plain "director" is left out on purpose: in business text it is a board seat,
 * often another company's.
 */

/**
 * `source` with the first letter of each word matching either case ("chief" and "Chief"), without the `i`
 * flag: names around a title must stay capitalised. Only initials vary: whole-word case classes made the
 * patterns too large for V8 to compile to native code.
 */
function caseless(source: string): string {
  let out = '';
  let inClass = false;
  // After an escape ("\\s" in "general\\scounsel") a letter starts a word: the escaped letter is no part of it.
  let afterEscape = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + source[i + 1]!;
      i++;
      afterEscape = true;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ']') inClass = false;
    const wordStart = afterEscape || !/[a-z]/i.test(source[i - 1] ?? '');
    afterEscape = false;
    out += !inClass && wordStart && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
  }
  return out;
}

const ACRONYM = '(?:CEO|CFO|COO|CTO|CMO|CRO|CIO|CPO|CISO|CHRO|CCO|CDO|CLO|CSO|CBO|CAO|CXO|CISO|GC)';
/** The words of a function ("Global Sales", "Research and Development", "People & Culture"). */
// Not a verb after the title ("..., evp, Global Coffee will report"), nor a modifier of the next title ("evp, global chief brand officer").
const AREA_WORD =
  "(?:(?!(?:chief|officer|president|founder|ceo|cfo|coo|cto|at|of|for|the|and|since|from|who|until|with|in|on|will|would|is|was|has|had|said|says|told|added|joined|joins|explains|reports?|as|by)\\b)(?!(?:global|executive|senior|deputy|interim|acting|group)\\s(?:chief|vice|head)\\b)[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]*)";
const AREA = `${AREA_WORD}(?:(?:\\s|\\s&\\s|\\sand\\s|,\\s(?=${AREA_WORD}\\s(?:and|&)\\s))${AREA_WORD}){0,3}`;
// Each modifier ends in exactly one space (or the hyphen of "co-"): one way to read a title, so a failed match backtracks little.
const MODIFIER =
  '(?:(?:non-executive|interim|acting|founding|deputy|executive|senior|sr\\.|group|global|corporate|regional|commercial|associate|assistant|joint|co)\\s|co-\\s?)*';

const CORE = [
  caseless('chief\\s(?:[A-Za-zÀ-ÖØ-öø-ÿĀ-ž&,-]+\\s){1,4}officers?'),
  // News writes "its chief executive" without "officer".
  caseless('chief\\sexecutives?'),
  caseless('chief\\s(?:[A-Za-z]+\\s)?(?:scientist|economist|strategist|architect)s?'),
  `${ACRONYM}s?`,
  caseless('(?:co-?\\s?)?founders?'),
  `${caseless('(?:executive\\s|senior\\s|sr\\.\\s)?vice[\\s-]presidents?')}(?:(?:,\\s|\\s${caseless('of')}\\s|\\s${caseless('for')}\\s)${AREA})?`,
  `(?:[SE]VP|[se]vp|(?:Sr\\.\\s|Senior\\s)?VP)(?:(?:,\\s|\\s${caseless('of')}\\s|\\s)${AREA})?`,
  caseless('presidents?'),
  caseless('chair(?:man|woman|person)?(?:\\sof\\sthe\\sboard(?:\\sof\\sdirectors)?)?'),
  caseless('(?:general|managing|founding|operating|venture|senior|investment)\\spartners?'),
  // A bare "partner" needs its firm named (NEEDS_OWNER in extract/executives.ts); a bare "Partners" is part
  // of a firm's name ("Summit Partners").
  caseless('partner(?!s)'),
  caseless('managing\\sdirectors?'),
  caseless('general\\scounsel'),
  caseless('chief\\sof\\sstaff'),
  caseless('treasurer'),
  caseless('(?:corporate\\s|company\\s)?secretary'),
  caseless('controller'),
  `${caseless('general\\smanager')}(?:,\\s${AREA})?`,
  `${caseless('head\\sof')}\\s${AREA}`,
  `${caseless('director\\sof')}\\s${AREA}`,
  caseless('owner'),
];

const ONE_TITLE = `(?:${caseless(MODIFIER)}(?:${CORE.join('|')})|${OTHER_LANGUAGE_TITLES})`;

/** One title or several joined ("President and Chief Executive Officer", "founder, CEO and CIO", "Co-Founder/CTO"). */
export const TITLES = `${ONE_TITLE}(?:(?:,\\s(?:${caseless('and')}\\s|&\\s)?|\\s(?:${caseless('and')}|${OTHER_LANGUAGE_AND})\\s|\\s&\\s|&|\\s/\\s|/)${ONE_TITLE})*(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž])`;

/** The words that name a role, in the plural ("Officers", "co-founders", "CEOs"). */
const PLURAL_ROLE =
  /\b(Officer|Founder|Partner|Director|President|Manager|Executive|Scientist|CEO|CFO|COO|CTO|VP)s\b/gi;

/**
 * Whether a title is given to several people ("managing directors", "Co-Founders", "CEOs"): a role word in
 * the plural, not any last "s" ("Vice President, Sales" and "Head of Operations" are one person's).
 */
export const isPluralTitle = (title: string) => new RegExp(PLURAL_ROLE.source, 'i').test(inEnglish(title));

/** "Chief Executive Officers" -> "Chief Executive Officer": a title given to several people, said of one. */
export function singularTitle(title: string): string {
  return inEnglish(title)
    .replace(PLURAL_ROLE, '$1')
    .replace(/[\s,;:.]+$/, '')
    .trim();
}

/** The roles a company has one of at a time: two people holding one, with no "co-", means one of them is out of date. */
const UNIQUE_ROLES: [string, RegExp][] = [
  ['ceo', /\bCEO\b|chief executive\b/i],
  ['cfo', /\bCFO\b|chief financial officer/i],
  ['coo', /\bCOO\b|chief operating officer/i],
  ['cto', /\bCTO\b|chief technology officer/i],
  // The company's president, not a vice, group or regional one, nor the president of a unit ("President, Nike Brand").
  ['president', /^(?:(?!vice|group|division|regional|segment).)*\bpresident\b(?!\s+of\b|,\s*\p{Lu})/iu],
  ['chair', /\bchair(?:man|woman|person)?\b/i],
];

/**
 * Titles a sentence must tie to the target by name (or a team page list, or a sentence naming no other
 * organisation): investors' partners are quoted in every funding release, and a bare "President" or
 * "Founder" is as often a head of state or another firm's.
 */
const NEEDS_OWNER =
  /^(?:(?:general|managing|founding|operating|venture|senior|investment)\s)?partner$|^managing director$|^(?:vice[\s-])?president$|^(?:co-?)?chair(?:man|woman|person)?(?:\sof\sthe\sboard(?:\sof\sdirectors)?)?$|^founder$/i;

export const needsOwner = (title: string | null) => NEEDS_OWNER.test(title ?? '');

/** "Co-founder" alone: a founder of something, no position held; of which company, only the sentence can say. */
export const isFounderOnly = (title: string | null) => /^(?:co-?\s?)?(?:founder|founding partner)$/i.test(title ?? '');

/** The unique roles a title claims ("President and CEO" -> president, ceo); none for "Co-CEO" or "Vice President". */
export function uniqueRoles(title: string): string[] {
  if (/\bco-?\s?(?:chief|ceo|president|chair)/i.test(title)) return [];
  return UNIQUE_ROLES.filter(([, pattern]) => pattern.test(title)).map(([role]) => role);
}
