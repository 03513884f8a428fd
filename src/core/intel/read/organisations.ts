import type { CompanyTarget } from '../component';
import { normaliseKey, stripCorporateSuffix } from '../text';

/** A proper organisation name as written: capitalised words, with "of", "&" and "and" inside ("Bank of America"). */
export const ORGANISATION =
  "(?:[A-ZÀ-ÖØ-ÞĀ-Ž\\d][A-Za-zÀ-ÖØ-öø-ÿĀ-ž\\d&.'’-]*(?:\\s(?:of\\s|&\\s|and\\s|for\\s)?[A-ZÀ-ÖØ-ÞĀ-Ž\\d][A-Za-zÀ-ÖØ-öø-ÿĀ-ž\\d&.'’-]*){0,5})";

/** Words that say "this company" without naming it. */
const SELF_REFERENCE =
  /^(?:the\s)?(?:company|firm|group|business|organi[sz]ation|startup|bank|fund)$|^(?:us|we|our|its)$/i;

/** "SNC" for Sierra Nevada Corporation, "CMT" for City Machine Technologies: three letters or more, in capitals. */
export function initialsOf(full: string): string | null {
  const initials = full
    .split(/\s+/)
    .filter((word) => !/^(?:of|and|&|the|for)$/i.test(word))
    .map((word) => word[0]!.toUpperCase())
    .join('');
  return /^\p{Lu}{3,6}$/u.test(initials) ? initials : null;
}

const isInitialsOf = (name: string, full: string) => initialsOf(full) === name;

const words = (name: string) =>
  normaliseKey(stripCorporateSuffix(name.replace(/['’]s$/, '')))
    .split(' ')
    .filter(Boolean);

/** Every word of the target's name and aliases, as keys ("mercury", "systems"): a longer name's next word among them is the target's own. */
export function targetNameWords(target: CompanyTarget): Set<string> {
  return new Set([target.name, ...target.aliases].flatMap((name) => normaliseKey(name).split(' ')));
}

/**
 * Whether an organisation named in a sentence is the target: its words are all among the target's (or an
 * alias's) words, or it contains a name of the target's of two words or more. "Mercury" is Mercury Systems;
 * "Mercury Insurance" is not.
 */
export function isTargetOrganisation(name: string, target: CompanyTarget): boolean {
  if (SELF_REFERENCE.test(name.trim())) return true;
  if (isInitialsOf(name.replace(/['’]s$/, ''), target.name)) return true;
  const org = words(name);
  if (org.length === 0) return false;
  return [target.name, ...target.aliases].some((candidate) => {
    const own = words(candidate);
    const domainStem = target.domain?.split('.')[0] ?? '';
    // A longer name containing the whole of a name of two words or more is the target's ("Mercury Systems
    // Europe"); one containing a single word is not ("Acme Medical" is no part of Acme).
    return (
      org.every((w) => own.includes(w) || w === domainStem) || (own.length > 1 && own.every((w) => org.includes(w)))
    );
  });
}
