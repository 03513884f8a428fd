/** Text helpers for extraction: sentences, normalisation, and spotting instructions planted in web text. */

const ABBREVIATIONS = /\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Dr|Jr|Sr|St|No|vs|approx|U\.S|e\.g|i\.e)\.$/i;

/**
 * Splits text into sentences, keeping abbreviations such as "Inc." and "Dr." inside their sentence. A blank
 * line ends a sentence too: a heading or a dateline has no full stop, and would otherwise run into the next.
 */
export function sentences(text: string): string[] {
  return text.split(/\n\s*\n/).flatMap(paragraphSentences);
}

function paragraphSentences(paragraph: string): string[] {
  const parts = paragraph
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
  const merged: string[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && ABBREVIATIONS.test(previous)) merged[merged.length - 1] = `${previous} ${part}`;
    else merged.push(part);
  }
  return merged.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function normaliseKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CORPORATE_SUFFIX = /[,\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|holdings)\.?$/i;

/** "Mercury Systems, Inc." -> "Mercury Systems". */
export function stripCorporateSuffix(name: string): string {
  let current = name.trim();
  for (;;) {
    const next = current.replace(CORPORATE_SUFFIX, '').trim();
    if (next === current) return current;
    current = next;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Sentences that address a reader (a model) rather than describe the world: planted instructions.
 * They are dropped before extraction, deterministic or LLM, so they can never become facts.
 */
const INSTRUCTION_PATTERNS = [
  /\b(?:ignore|disregard|forget|override)\b.{0,40}\b(?:instructions?|prompts?|rules|context|above|previous)\b/i,
  /\b(?:system|developer)\s*(?:prompt|message|:)/i,
  /\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|model|language model|chatbot|required|instructed)\b/i,
  /\b(?:as an ai|assistant:|<\/?(?:system|instructions?)>)/i,
  /\b(?:report|state|say|write|output|respond)\s+(?:that|only|with)\b.{0,80}\b(?:instead|regardless)\b/i,
];

export function looksLikeInstruction(sentence: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(sentence));
}

/** Host without "www.", or null for non-web sources. */
export function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}
