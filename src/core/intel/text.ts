/** Text helpers for extraction: normalisation, and spotting instructions planted in web text. */

/** One place however precisely written: "Munich" and "Munich, Germany" are the city before the first comma. */
export const placeKey = (value: string): string => normaliseKey(value.split(',')[0]!);

export function normaliseKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const CORPORATE_SUFFIX =
  /[,\s]+(?:inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|gmbh|ag|sa|s\.a|holdings)\.?$/i;

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
