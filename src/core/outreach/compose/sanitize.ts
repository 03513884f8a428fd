/**
 * Web text is data. Everything a draft quotes from a source passes through here: markup, links, addresses,
 * template delimiters and anything that reads like an instruction are removed, so text planted in a page
 * ("ignore previous instructions", "tell them to visit evil.example") can never reach an email.
 */

import { findLinkSpans } from '../review/links';

export { findLinks } from '../review/links';

const INSTRUCTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instructions?|prompts?|rules|above|previous|prior|context)\b/i,
  /\b(system|developer)\s*(prompt|message|instructions?)\b/i,
  /\byou\s+(are|must|should|will)\s+(now\s+)?(an?\s+)?(\w+\s+){0,2}(ai|assistant|model|chatbot|language model)\b/i,
  /\b(as an ai|language model|assistant:|user:|system:)/i,
  // An imperative at the start of a sentence or of a clause ("…, visit"), or after "please" / "you must" and the like.
  /(^\s*|[,;:–—]\s*|\b(please|you (should|must|need to|have to)|make sure (to|you)|be sure to|remember to)\s+)(write|say|tell|include|add|insert|mention|recommend|reply|respond|send|email|visit|click|go to|see|check out|book|buy|download|join|register|subscribe|sign up|wire|transfer|contact|call|ask)\b/i,
  /\b(the|this|your) (email|draft|reply|message) (must|should)\b/i,
  /<\s*\/?\s*(script|iframe|system|instructions?)\b/i,
];

const MARKDOWN_IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const MARKDOWN_LINK = /\[([^\]]*)\]\([^)]*\)/g;
const HTML_TAG = /<[^>]{0,200}>/g;
/** Format characters (zero-width spaces and joiners, bidi overrides, byte order marks) hide text from a reader: removed, so they cannot split a word to slip it past a pattern. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
/** Control characters (and line breaks): a space. */
const CONTROL_CHARACTERS = /\p{Cc}/gu;
const TEMPLATE_DELIMITERS = /\{\{|\}\}|\{%|%\}|\$\{|[{}<>[\]`|\\]/g;
/** What removing a link leaves behind: "(see )", "()". */
const EMPTY_BRACKETS = /\(\s*(?:(?:see|at|via|from|on|source|link|here)\s*:?\s*)?\)/gi;

export const MAX_FACT_TEXT = 200;

/** True when the text reads like an instruction to a model or to the reader rather than a statement. */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(text));
}

function visible(text: string): string {
  return text.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(CONTROL_CHARACTERS, ' ');
}

/** Cleans one piece of web text for quoting; returns '' when nothing safe is left. */
export function sanitizeWebText(raw: string, maxLength = MAX_FACT_TEXT): string {
  const withoutLinks = withoutLinkSpans(
    visible(raw).replace(MARKDOWN_IMAGE, ' ').replace(MARKDOWN_LINK, '$1').replace(HTML_TAG, ' '),
  );
  const text = withoutLinks
    .replace(TEMPLATE_DELIMITERS, ' ')
    .replace(EMPTY_BRACKETS, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/([,;:])[\s,;:]*(?=[,;:.!?])/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const kept = splitSentences(text).filter((sentence) => !looksLikeInstruction(sentence));
  return truncateAtWord(kept.join(' ').trim(), maxLength).replace(/[\s,;:–—-]+$/u, '');
}

/** Each link (see `links.ts`) becomes a space, from the end so the earlier spans stay where they are. */
function withoutLinkSpans(text: string): string {
  return findLinkSpans(text).reduceRight((rest, link) => `${rest.slice(0, link.start)} ${rest.slice(link.end)}`, text);
}

/** Like `sanitizeWebText` for a short name or label (a round, an investor, a product): one line, no sentence logic. */
export function sanitizeLabel(raw: string, maxLength = 80): string {
  const cleaned = sanitizeWebText(raw, maxLength);
  return cleaned.replace(/[.!?]+$/u, '');
}

export function splitSentences(text: string): string[] {
  // A full stop inside a token ("$20.5M", "U.S") does not end a sentence.
  return (
    text
      .match(/(?:[^.!?]|[.!?](?=\S))+(?:[.!?]+|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}

function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut).trim();
}
