import type { CompanyTarget, Document } from '../component';
import { usableSentences } from '../read/page';
import { escapeRegExp } from '../text';
import { ownMentions } from '../relevance';
import type { Finding } from './finding';

const PLACE = "([A-Z][\\w'’.-]+(?:[ -][A-Z][\\w'’.-]+)*(?:, [A-Z][\\w'’.-]+(?: [A-Z][\\w'’.-]+)*)?)";
const HEADQUARTERS = new RegExp(`\\b(?:[Hh]eadquartered|based|[Hh]eadquarters(?: is| are)?(?: located)?) in (?:the )?${PLACE}`);
/** "Headquarters: Sparks, Nevada", "Hq Location City | Sparks, Nevada": a directory's row. */
const HEADQUARTERS_ROW = new RegExp(`^(?:Headquarters|HQ|Hq Location(?: City)?|Head office|Location)\\s*[:|]\\s*${PLACE}$`, 'i');
/** A company kind after a description: "the payments group", "an American space launch company". */
const KIND = '(?:company|firm|provider|maker|manufacturer|developer|business|platform|group|insurer|bank|lender|startup|start-up|unicorn|retailer|chain|operator|carrier|airline|manager|investor|specialist)';
/** A sentence whose subject is the page's company without naming it, or a directory row. */
const SELF_SUBJECT = /^(?:The (?:company|firm|startup|group|bank|insurer|business)|It|Its|Headquartered|Based|Founded|Established|Headquarters|HQ)\b/;
const INDUSTRY_ROW = /^(?:Industry|Industries|Sector)\s*[:|]\s*([^|]{3,60})$/i;
/** Words that say where or how big a company is, not what it does. */
const NOT_INDUSTRY = /^(?:(?:leading|global|privately held|private|public|publicly traded|fast-growing|american|british|french|german|dutch|swedish|israeli|indian|european|u\.s\.|us|uk|world's largest|largest|biggest|multinational|\w+-based|\w+-headquartered)\s+)+/i;
const FOUNDED = /\b(?:founded|established|incorporated|started)\b[^.]{0,40}?\b(?:in )?((?:18|19|20)\d{2})\b/i;
const EMPLOYEES = /\b(?:employs|has|with|of)\s+(?:about|around|approximately|over|more than|nearly|some)?\s*([\d,]{2,7})\s+(?:employees|people|staff|workers)\b/i;
const PRODUCTS = /\b(?:products|offerings|platforms?) (?:include|includes|are|such as)\s+([^.;]+)/i;

/** Reads the overview fields from the usable sentences of documents about the target. */
export function extractOverview(documents: Document[], target: CompanyTarget): Finding[] {
  const findings: Finding[] = [];
  const namePattern = [target.name, ...target.aliases].map(escapeRegExp).join('|');
  // The target as a sentence's subject, with the corporate word a page may add ("Stoke Space Technologies").
  const subject = `(?:${namePattern})(?:\\s(?:Technologies|Inc\\.?|Corp\\.?|Corporation|Holdings|Group|Ltd\\.?|LLC|AG|SE|N\\.V\\.|plc))?`;
  const isA = new RegExp(`^${subject}(?:,[^,]+,)? (?:is|are) (?:an?|the) ([^.]+?) ${KIND}\\b`, 'i');
  // "Acme, a robotics company based in Denver, raised ...": the kind of company only. The words may not
  // hold a comma, so "Acme, the Austin, Texas software company" (place and kind run together) gives nothing.
  const appositive = new RegExp(`\\b${subject}, (?:an?|the) ([^,.]+?) ${KIND}\\b`, 'i');
  // "Munich-based Helsing", "the San Francisco-based company": the place before "-based" of the target.
  const placeBased = new RegExp(`(?:^|[^\\w])([A-Z][\\w.'’]+(?: [A-Z][\\w.'’]+){0,2}(?:, [A-Z][\\w.]+)?)-(?:based|headquartered) (?:${subject}|(?:[\\w-]+ ){0,3}(?:company|firm|startup|start-up|unicorn|insurer|group|bank|business|maker))\\b`);
  for (const document of documents) {
    for (const sentence of usableSentences(document, target)) {
      const add = (field: string, value: string | undefined) => {
        if (value) findings.push({ field, value: value.trim().replace(/['’]s$/, '').replace(/[.,;:]+$/, ''), evidence: sentence, document });
      };
      // Where is read only from sentences about the target: "based in Dublin" may be an investor's.
      const aboutTarget = ownMentions(sentence, target) > 0 || SELF_SUBJECT.test(sentence);
      const isAMatch = isA.exec(sentence);
      if (isAMatch) add('description', sentence);
      const industry = (isAMatch ?? appositive.exec(sentence) ?? INDUSTRY_ROW.exec(sentence))?.[1];
      if (industry) add('industry', industry.replace(NOT_INDUSTRY, ''));
      const place = placeBased.exec(sentence)?.[1] ?? HEADQUARTERS_ROW.exec(sentence)?.[1] ?? (aboutTarget ? HEADQUARTERS.exec(sentence)?.[1] : undefined);
      // "The San Francisco", "New York City's Flatiron District": the city is the place.
      add('headquarters', place?.replace(/^The /, '').replace(/['’]s\b.*$/, ''));
      add('founded', FOUNDED.exec(sentence)?.[1]);
      const employees = EMPLOYEES.exec(sentence)?.[1];
      if (employees) add('employees', employees.replace(/,/g, ''));
      const products = PRODUCTS.exec(sentence)?.[1];
      if (products) {
        for (const product of products.split(/,\s*(?:and\s+)?|\s+and\s+/)) add('products', product.replace(/^the\s+/i, ''));
      }
    }
  }
  return findings;
}
