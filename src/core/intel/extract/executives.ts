import type Nlp from 'compromise';
import type { CompanyTarget, Document } from '../component';
import type { Executive } from '../../domain/intel';
import { usableSentences } from '../relevance';
import type { Finding } from './finding';

const ACRONYM = '(?:CEO|CFO|CTO|COO|CMO|CRO|CIO|CPO|CISO|CHRO)';
const TITLE =
  `(?:(?:Co-?founder|Founder)(?: and ${ACRONYM}| and Chief [A-Z][a-z]+ Officer)?|${ACRONYM}|Chief [A-Z][a-z]+(?: [A-Z][a-z]+)? Officer|(?:Executive |Senior )?Vice President(?:,? of [A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+)?)?|VP(?:,? of)? [A-Z][A-Za-z&]+|Head of [A-Z][A-Za-z&]+(?: [A-Z][A-Za-z&]+)?|` +
  `General Counsel|President|Chair(?:man|woman|person)?(?: of the Board)?|Managing (?:Director|Partner)|General Partner)`;
const NAME = "([A-Z][a-zà-ÿ'’-]+(?: [A-Z]\\.)?(?: (?:van |de |von )?[A-Z][a-zà-ÿ'’-]+){1,2})";

const PATTERNS = [
  new RegExp(`${NAME},? (?:is|serves as|was named|was appointed|has been appointed|joined as|became|, who serves as)? ?(?:the |its |our )?(?:company's )?(${TITLE})\\b`),
  new RegExp(`${NAME}, (?:the |its )?(${TITLE})\\b`),
  new RegExp(`(${TITLE}) ${NAME}\\b`),
  new RegExp(`(?:appoint(?:s|ed)|name[sd]|hire[sd]|promote[sd]|welcome[sd]) ${NAME} (?:as )?(?:its |the |new )*(${TITLE})\\b`),
];

const TITLE_PATTERN = new RegExp(TITLE);
const NOT_A_PERSON = /\b(?:Inc|Corp|Labs?|Analytics|Systems|Capital|Ventures|Partners|Group|Insurance|Technologies|Software|Company|Board|Officer|Chief|Vice|President)\b/;

/** compromise (word lexicon and tagger), loaded on first use: ≈26 MB and ≈0.25 s that threads and commands without a lookup never pay. */
interface Tagger {
  /** Word -> tag: tens of thousands of words, including first names. */
  lexicon: Record<string, string | string[] | undefined>;
  nlp: typeof Nlp;
}
let tagger: Promise<Tagger> | undefined;
const loadTagger = () =>
  (tagger ??= import('compromise').then(({ default: nlp }) => ({ nlp, lexicon: (nlp.model() as { one: { lexicon: Tagger['lexicon'] } }).one.lexicon })));

const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);

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

function knownFirstName({ lexicon }: Tagger, word: string): boolean {
  const tags = lexicon[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).some((tag) => tag !== undefined && FIRST_NAME_TAGS.has(tag));
}

/**
 * Whether a candidate name is a person. A first word compromise's lexicon knows as a first name settles it
 * at the cost of a lookup. Otherwise the tagger (1-15 ms per sentence, measured) is asked only when the
 * lexicon sees someone else in the sentence: then the name must be among the people compromise finds.
 * An unknown name alone in its sentence is accepted, as the tagger would (it finds nobody there).
 */
function isPerson(tagger: Tagger, name: string, sentence: string): boolean {
  if (knownFirstName(tagger, name.split(' ')[0]!)) return true;
  const someoneElse = [...sentence.matchAll(/\b([A-Z][a-z]+)(?= [A-Z][a-z]+)/g)].some((m) => !name.includes(m[1]!) && knownFirstName(tagger, m[1]!));
  if (!someoneElse) return true;
  const people = peopleIn(tagger, sentence);
  return people.length === 0 || people.some((p) => p.includes(name) || name.includes(p.replace(/[.,]$/, '')));
}

/**
 * Executives named with a title in the usable sentences: regex patterns find a name and title, compromise
 * confirms the name is a person's.
 */
export async function extractExecutives(documents: Document[], target: CompanyTarget): Promise<Finding[]> {
  const tagger = await loadTagger();
  const findings: Finding[] = [];
  const companyWords = new Set(target.name.split(/\s+/));
  for (const document of documents) {
    for (const sentence of usableSentences(document, target)) {
      if (!TITLE_PATTERN.test(sentence)) continue;
      for (const [index, pattern] of PATTERNS.entries()) {
        const match = pattern.exec(sentence);
        if (!match) continue;
        const titleFirst = index === 2;
        const name = (titleFirst ? match[2] : match[1])!;
        const title = (titleFirst ? match[1] : match[2])!;
        if (NOT_A_PERSON.test(name) || name.split(' ').some((w) => companyWords.has(w))) continue;
        if (!isPerson(tagger, name, sentence)) continue;
        findings.push({ field: 'executive', value: `${name} | ${title}`, evidence: sentence, document });
        break;
      }
    }
  }
  return findings;
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
