import nlp from 'compromise';
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

const NOT_A_PERSON = /\b(?:Inc|Corp|Labs?|Analytics|Systems|Capital|Ventures|Partners|Group|Insurance|Technologies|Software|Company|Board|Officer|Chief|Vice|President)\b/;

/** Executives named with a title in the usable sentences: regex patterns, names confirmed by compromise or by shape. */
export function extractExecutives(documents: Document[], target: CompanyTarget): Finding[] {
  const findings: Finding[] = [];
  const companyWords = new Set(target.name.split(/\s+/));
  for (const document of documents) {
    for (const sentence of usableSentences(document, target)) {
      if (!new RegExp(TITLE).test(sentence)) continue;
      const people = new Set(nlp(sentence).people().out('array') as string[]);
      for (const [index, pattern] of PATTERNS.entries()) {
        const match = pattern.exec(sentence);
        if (!match) continue;
        const titleFirst = index === 2;
        const name = (titleFirst ? match[2] : match[1])!;
        const title = (titleFirst ? match[1] : match[2])!;
        if (NOT_A_PERSON.test(name) || name.split(' ').some((w) => companyWords.has(w))) continue;
        if (people.size > 0 && ![...people].some((p) => p.includes(name) || name.includes(p.replace(/[.,]$/, '')))) continue;
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
  if (/vice president|\bVP\b/i.test(title)) return 'vp';
  if (/head of/i.test(title)) return 'head';
  if (/director|partner|counsel/i.test(title)) return 'director';
  return 'other';
}

export function functionOf(title: string): Executive['function'] {
  const rules: [RegExp, Executive['function']][] = [
    [/CEO|Executive Officer|President|founder|Chair|Managing Director/i, 'executive'],
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
