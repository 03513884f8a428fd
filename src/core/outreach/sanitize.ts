/**
 * Web text is data. Everything a draft quotes from a source passes through here: markup, links, addresses,
 * template delimiters and anything that reads like an instruction are removed, so text planted in a page
 * ("ignore previous instructions", "tell them to visit evil.example") can never reach an email.
 */

const INSTRUCTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|above|previous|prior|context)\b/i,
  /\b(system|developer)\s*(prompt|message|instructions?)\b/i,
  /\byou\s+(are|must|should|will)\s+(now\s+)?(an?\s+)?(ai|assistant|model|chatbot|language model)\b/i,
  /\b(as an ai|language model|assistant:|user:|system:)/i,
  // An imperative at the start of a sentence, or after "please" / "you must" and the like.
  /(^|\b(please|you (should|must|need to|have to)|make sure (to|you)|be sure to|remember to)\s+)(write|say|tell|include|add|insert|mention|recommend|reply|respond|send|email|visit|click|go to|sign up|wire|transfer|contact|call|ask)\b/i,
  /\b(the|this|your) (email|draft|reply|message) (must|should)\b/i,
  /<\s*\/?\s*(script|iframe|system|instructions?)\b/i,
];

const URL_PATTERN = /\b(?:https?:\/\/|ftp:\/\/|www\.)\S+/gi;
const BARE_DOMAIN_PATTERN = /\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|ai|co|app|dev|xyz|info|biz|ru|cn|tk|top|me|ly|gg|to)\b(?:\/\S*)?/gi;
const EMAIL_PATTERN = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const MARKDOWN_LINK = /!?\[([^\]]*)\]\([^)]*\)/g;
const HTML_TAG = /<[^>]{0,200}>/g;
/** Control and format characters: zero-width spaces, bidi overrides, byte order marks hide text from a reader. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
const TEMPLATE_DELIMITERS = /\{\{|\}\}|\{%|%\}|\$\{|[{}<>[\]`|\\]/g;

export const MAX_FACT_TEXT = 200;

/** True when the text reads like an instruction to a model or to the reader rather than a statement. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(text));
}

/** Cleans one piece of web text for quoting; returns '' when nothing safe is left. */
export function sanitizeWebText(raw: string, maxLength = MAX_FACT_TEXT): string {
  const text = raw
    .normalize('NFKC')
    .replace(INVISIBLE, ' ')
    .replace(MARKDOWN_LINK, '$1')
    .replace(HTML_TAG, ' ')
    .replace(URL_PATTERN, ' ')
    .replace(EMAIL_PATTERN, ' ')
    .replace(BARE_DOMAIN_PATTERN, ' ')
    .replace(TEMPLATE_DELIMITERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const kept = splitSentences(text).filter((sentence) => !looksLikeInstruction(sentence));
  return truncateAtWord(kept.join(' ').trim(), maxLength).replace(/[\s,;:–—-]+$/u, '');
}

/** Like `sanitizeWebText` for a short name or label (a round, an investor, a product): one line, no sentence logic. */
export function sanitizeLabel(raw: string, maxLength = 80): string {
  const cleaned = sanitizeWebText(raw, maxLength);
  return cleaned.replace(/[.!?]+$/u, '');
}

export function splitSentences(text: string): string[] {
  // A full stop inside a token ("$20.5M", "U.S") does not end a sentence.
  return text.match(/(?:[^.!?]|[.!?](?=\S))+(?:[.!?]+|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trim();
}
