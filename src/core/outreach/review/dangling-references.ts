import { sentenceSpans, type Span } from './claims';

/** A greeting line ("Hi Jane,", "Hello,") says nothing a later word could point back to. */
const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^.!?\n]{0,60}$/i;

/**
 * "this", "that", "it" used as a pronoun: at the end of a clause ("to talk to about this.") or before a
 * verb ("this might be relevant", "whether it fits"). "this week" or "that Acme raised" are not pointing back.
 */
const POINTING =
  /\b(?:this|that|these|those|it)\b(?=\s*(?:[.,;:!?)]|$)|\s+(?:is|was|are|were|would|could|might|may|will|can|should|fits?|sounds?|seems?|helps?|matters?|means?|makes?|works?)\b)/gi;

/**
 * Words that point back at something the reader has not been told: any in a subject (it stands alone in
 * the inbox), and in the body's first sentence after the greeting, where nothing comes before them. A
 * template part that rendered empty leaves exactly this behind.
 */
export function danglingReferences(text: string, field: 'subject' | 'body'): Span[] {
  const opening = field === 'subject' ? { start: 0, text } : firstSentence(text);
  if (!opening) return [];
  return [...opening.text.matchAll(POINTING)].map((match) => ({
    start: opening.start + match.index,
    end: opening.start + match.index + match[0].length,
    text: match[0],
  }));
}

function firstSentence(body: string): Span | null {
  const firstLine = body.match(/^[^\n]*/)![0].trim();
  const afterGreeting = GREETING.test(firstLine) ? body.indexOf('\n') : 0;
  if (afterGreeting < 0) return null;
  return sentenceSpans(body).find((span) => span.start >= afterGreeting) ?? null;
}
