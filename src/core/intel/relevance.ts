import type { CompanyTarget, Document } from './component';
import { escapeRegExp, hostOf } from './text';

/**
 * How often a text names an organisation: as written or in capitals, never in lower case, so "ramp up
 * production" does not mention Ramp (a name typed in lower case matches any case).
 */
export function mentions(text: string, name: string): number {
  if (!name) return 0;
  const forms = name === name.toLowerCase() ? escapeRegExp(name) : `${escapeRegExp(name)}|${escapeRegExp(name.toUpperCase())}`;
  return (text.match(new RegExp(`\\b(?:${forms})\\b`, name === name.toLowerCase() ? 'gi' : 'g')) ?? []).length;
}

export function ownMentions(text: string, target: CompanyTarget): number {
  return [target.name, ...target.aliases].reduce((sum, name) => sum + mentions(text, name), 0);
}

/**
 * Whether a document is about the target: it names the company (or is on its domain) at least as often as
 * any other company with the same name. Documents about the namesake are dropped whole.
 */
export function isAboutTarget(document: Document, target: CompanyTarget): boolean {
  const text = `${document.title}. ${document.rawContent ?? document.content}`;
  const onDomain = target.domain !== null && (hostOf(document.url) ?? '').endsWith(target.domain);
  const own = ownMentions(text, target) + (onDomain ? 1 : 0);
  return own > 0 && target.others.every((other) => mentions(text, other) < own);
}

export function relevantDocuments(documents: Document[], target: CompanyTarget): Document[] {
  const seen = new Set<string>();
  return documents.filter((d) => {
    if (seen.has(d.url)) return false;
    seen.add(d.url);
    return isAboutTarget(d, target);
  });
}
