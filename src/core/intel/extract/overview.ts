import type { CompanyTarget, Document } from '../component';
import { usableSentences } from '../read/page';
import { escapeRegExp } from '../text';
import type { Finding } from './finding';

const PLACE = "([A-Z][\\w'’.-]+(?:[ -][A-Z][\\w'’.-]+)*(?:, [A-Z][\\w'’.-]+(?: [A-Z][\\w'’.-]+)*)?)";
const HEADQUARTERS = new RegExp(`\\b(?:headquartered|based|headquarters(?: is| are)?) in ${PLACE}`);
const FOUNDED = /\b(?:founded|established|incorporated|started)\b[^.]{0,40}?\b(?:in )?((?:18|19|20)\d{2})\b/i;
const EMPLOYEES = /\b(?:employs|has|with|of)\s+(?:about|around|approximately|over|more than|nearly|some)?\s*([\d,]{2,7})\s+(?:employees|people|staff|workers)\b/i;
const PRODUCTS = /\b(?:products|offerings|platforms?) (?:include|includes|are|such as)\s+([^.;]+)/i;

/** Reads the overview fields from the usable sentences of documents about the target. */
export function extractOverview(documents: Document[], target: CompanyTarget): Finding[] {
  const findings: Finding[] = [];
  const namePattern = [target.name, ...target.aliases].map(escapeRegExp).join('|');
  const kind = '(?:company|firm|provider|maker|manufacturer|developer|business|platform|group|insurer|bank)';
  const isA = new RegExp(`^(?:${namePattern})(?:,[^,]+,)? (?:is|are) (?:an?|the) ([^.]+?) ${kind}\\b`, 'i');
  // "Acme, a robotics company based in Denver, raised ...": the kind of company only. The words may not
  // hold a comma, so "Acme, the Austin, Texas software company" (place and kind run together) gives nothing.
  const appositive = new RegExp(`^(?:${namePattern}), (?:an?|the) ([^,.]+?) ${kind}\\b`, 'i');
  for (const document of documents) {
    for (const sentence of usableSentences(document, target)) {
      const add = (field: string, value: string | undefined) => {
        if (value) findings.push({ field, value: value.trim().replace(/[.,;:]+$/, ''), evidence: sentence, document });
      };
      const isAMatch = isA.exec(sentence);
      if (isAMatch) add('description', sentence);
      const industry = (isAMatch ?? appositive.exec(sentence))?.[1];
      if (industry) add('industry', industry.replace(/^(?:leading|global|privately held|public|publicly traded|fast-growing)\s+/i, ''));
      add('headquarters', HEADQUARTERS.exec(sentence)?.[1]);
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
