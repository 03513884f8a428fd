/**
 * The shape of a person's name in English-language business text, as a regular-expression source: given
 * names and initials, particles ("van der", "de la", "bin"), Mc/Mac/O'/D' names, inner capitals
 * ("DeFred", "LaToya"), hyphens and accents, a nickname in quotes, suffixes ("Jr.", "III") and credentials
 * ("Ph.D.", "M.D.", "CFA"). Whether a match is a person, and not "Series Bravo Capital", is `isNameLike`'s
 * and the tagger's call.
 */

const WORD =
  "(?:(?:Mc|Mac|O['’]|D['’]|De|Di|Da|La|Le|Du|Van|Von|St\\.\\s?)?[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+(?:['’](?!s\\b)[a-zß-öø-ÿĀ-ž]+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+)?(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž'’]+)?)";
const INITIAL = '(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\\.(?:\\s?[A-ZÀ-ÖØ-ÞĀ-Ž]\\.)?)';
const PARTICLE =
  '(?:(?:van der|van den|van de|von der|de la|de los|de las|van|von|de|del|della|da|di|du|dos|do|la|le|bin|ibn|al|el|ter|ten)\\s)';
const NICKNAME = '(?:\\s(?:["“][A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+["”]|\\([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+\\)))';
const SUFFIX =
  '(?:,?\\s(?:Jr\\.|Sr\\.|Jr\\b|Sr\\b|II|III|IV)(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž]))?(?:,\\s(?:Ph\\.\\s?D\\.|PhD|M\\.\\s?D\\.|MD|CFA|CPA|MBA|J\\.D\\.|Esq\\.|FCA|ACA|CFP)(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž]))*';

/** A full name: a given name or initial, optional middle names or initials ("Allen S Yang" has no full stop), one or two family names. */
export const PERSON_NAME = `(?:${WORD}|${INITIAL})${NICKNAME}?(?:\\s(?:${INITIAL}|[A-ZÀ-ÖØ-ÞĀ-Ž](?=\\s[A-ZÀ-ÖØ-ÞĀ-Ž])|${WORD}))?(?:\\s${PARTICLE}?${WORD}){1,2}${SUFFIX}(?![a-zß-öø-ÿĀ-žA-ZÀ-ÖØ-ÞĀ-Ž]|['’]s?\\b)`;

/** The verbs a Title Case headline runs into a name ("Acme CEO Jane Doe Steps Down", "CFO To Retire"). */
const HEADLINE_VERBS = new Set(
  'steps step stepping down to resigns retires retiring exits leaves departs joins hires taps promoted out quits ousted'.split(
    ' ',
  ),
);

/** Capitalised words that start, end or fill business phrases but are no part of a person's name. */
const NOT_NAME_WORDS = new Set(
  `chief officer executive president vice senior director head board founder cofounder co-founder chair chairman chairwoman chairperson
  inc corp corporation llc ltd plc group capital ventures venture partners partner holdings technologies technology systems labs lab bank
  insurance financial series fund funds global international company the this that these those today our we your you their read more
  contact about news press release january february march july august september october november december monday
  tuesday wednesday thursday friday saturday sunday university institute street avenue road management investment investments investors
  equity growth seed round funding announces announced names named appoints appointed welcomes said says new interim acting general
  managing counsel operating marketing product revenue people human resources sales engineering operations strategy legal communications
  america american north south east west united states kingdom europe european asia india china texas california york san francisco
  city county state national federal council association foundation agency ministry department office team teams leadership our
  services solutions software health healthcare medical energy airlines air lines dental systems analytics data cloud ai network networks
  platform media digital research science sciences therapeutics pharmaceuticals bio biotech robotics security finance commercial
  business development customer success marketing brand design relations affairs investor markets emerging if when while after before
  as at in on by for with from and but so then said says dear hi hello meet thanks thank during since under per via
  prize prizes award awards medal laureate`
    .split(/\s+/)
    .filter(Boolean)
    .concat([...HEADLINE_VERBS]),
);

/** Whether every word of a candidate could be part of a person's name (no "Chief", "Capital", "Texas"). */
export function isNameLike(name: string): boolean {
  const words = stripNameSuffixes(name)
    .split(/\s+/)
    .filter((w) => !/^\p{Lu}\.(?:\p{Lu}\.)?$/u.test(w) && !/^["“]/.test(w));
  return words.length >= 1 && words.every((w) => !NOT_NAME_WORDS.has(w.toLowerCase().replace(/[.,]$/, '')));
}

/**
 * The name a Title Case headline ran its verb into: "Kosta Kartsotis" of "Kosta Kartsotis Steps Down". Null
 * when the candidate holds no such verb, or too few name words precede it.
 */
export function nameBeforeHeadlineVerb(candidate: string): string | null {
  const words = candidate.split(' ');
  const verb = words.findIndex((word) => HEADLINE_VERBS.has(word.toLowerCase()));
  if (verb < 2) return null;
  const name = words.slice(0, verb).join(' ');
  return isNameLike(name) ? name : null;
}

/** "John Smith Jr., Ph.D." -> "John Smith": the name people are matched by (the full form is what the report shows). */
export function stripNameSuffixes(name: string): string {
  return name
    .replace(/,?\s(?:Jr\.?|Sr\.?|II|III|IV)(?=,|$)/g, '')
    .replace(/,\s(?:Ph\.\s?D\.|PhD|M\.\s?D\.|MD|CFA|CPA|MBA|J\.D\.|Esq\.|FCA|ACA|CFP)/g, '')
    .trim();
}

/** "Jane Doe, M.D., PhD" -> "Jane Doe": credentials are no part of the name a report shows (a "Jr." is). */
export function withoutCredentials(name: string): string {
  return name.replace(/(?:,\s(?:Ph\.\s?D\.|PhD|M\.\s?D\.|MD|CFA|CPA|MBA|J\.D\.|Esq\.|FCA|ACA|CFP))+$/, '').trim();
}

/** Short forms of common English given names, each with its full form: "Andy Lapsa" and "Andrew Lapsa" are one person. */
const GIVEN_NAME_FORMS: Record<string, string> = Object.fromEntries(
  `andy:andrew drew:andrew tom:thomas tommy:thomas mike:michael mick:michael bill:william will:william billy:william bob:robert rob:robert
  bobby:robert gabe:gabriel steve:stephen steven:stephen chris:christopher dave:david jim:james jimmy:james joe:joseph dan:daniel danny:daniel
  matt:matthew nick:nicholas pat:patrick sam:samuel tony:anthony alex:alexander ben:benjamin ed:edward ted:edward jon:jonathan kate:katherine
  katie:katherine liz:elizabeth beth:elizabeth rick:richard rich:richard dick:richard tim:timothy greg:gregory jeff:jeffrey ken:kenneth
  larry:lawrence ron:ronald don:donald doug:douglas fred:frederick jack:john johnny:john charlie:charles chuck:charles hank:henry
  jen:jennifer jenny:jennifer meg:margaret peggy:margaret sue:susan suzy:susan vicky:victoria nate:nathan phil:philip`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);

/** A given name in its full form, for matching people: "Andy" -> "andrew". */
export function fullGivenName(given: string): string {
  const lower = given.toLowerCase();
  return GIVEN_NAME_FORMS[lower] ?? lower;
}
