import type { CompanyTarget, Document } from './component';
import { escapeRegExp, hostOf, looksLikeInstruction, sentences } from './text';

function mentions(text: string, name: string): number {
  if (!name) return 0;
  return (text.match(new RegExp(`\\b${escapeRegExp(name)}\\b`, 'gi')) ?? []).length;
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

/**
 * The sentences of a document a component may read: instructions planted in the page and sentences that
 * name another company with the same name are removed, so neither can become a fact.
 */
export function usableSentences(document: Document, target: CompanyTarget): string[] {
  return sentences(document.rawContent ?? document.content).filter((s) => !looksLikeInstruction(s) && target.others.every((other) => mentions(s, other) === 0));
}

export function relevantDocuments(documents: Document[], target: CompanyTarget): Document[] {
  const seen = new Set<string>();
  return documents.filter((d) => {
    if (seen.has(d.url)) return false;
    seen.add(d.url);
    return isAboutTarget(d, target);
  });
}
