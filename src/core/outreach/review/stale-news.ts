import type { DraftFact } from '../draft-schema';
import { claimMarkers, sentenceSpans, type Span } from './claims';

/** Words that present an event as new: what a reader takes as "this just happened". */
const NEWS_WORDING = /\b(?:congrat\w*|news|recent(?:ly)?|just|latest|new|announc\w*|this (?:week|month))\b/i;
/** An event older than this is history, not news. */
const STALE_AFTER_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Sentences (or the subject) that present as news an event the draft's facts date more than a year ago.
 * A sentence draws on a fact when it quotes it or speaks of its kind of event ("Congrats on the funding"
 * and a funding round); an undated fact is never called stale.
 */
export function staleNews(text: string, facts: readonly DraftFact[], now: Date, field: 'subject' | 'body'): Span[] {
  const stale = facts.filter(
    (fact) => fact.trigger && fact.date && (now.getTime() - Date.parse(fact.date)) / DAY_MS > STALE_AFTER_DAYS,
  );
  if (stale.length === 0) return [];
  const sentences = field === 'subject' ? [{ start: 0, end: text.length, text }] : sentenceSpans(text);
  return sentences.filter((sentence) => {
    if (!NEWS_WORDING.test(sentence.text)) return false;
    const families = claimMarkers(sentence.text).families;
    return stale.some((fact) => sentence.text.includes(fact.text) || families.has(fact.trigger!));
  });
}
