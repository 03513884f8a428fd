/** What FTS5's snippet() puts where it cut the text (the library store's search asks for this one). */
export const SNIPPET_ELLIPSIS = ' … ';

/** The most a snippet is widened on either side to reach a sentence's edge: a page with no full stop stays a snippet. */
const MAX_WIDENING = 300;

/**
 * A full stop, question or exclamation mark (with a closing quote or bracket) that ends a sentence: what follows
 * is the end of the text or a space and a capital, digit or opening quote, so "Acme Inc. announced" goes on.
 */
const SENTENCE_END = /[.!?]["”’)]?(?=\s+[\p{Lu}\p{N}"“‘(]|\s*$)/gu;

/**
 * A search snippet widened to the sentences it cuts: FTS5 stops after a number of words, often mid-sentence,
 * and a reader of search hits (the lookup's news step) quotes whole sentences only. `snippet` is the unmarked
 * snippet of `body`; where no sentence edge is near, the cut stays, marked by an ellipsis.
 */
export function wholeSentences(body: string, snippet: string): string {
  const cutBefore = snippet.startsWith(SNIPPET_ELLIPSIS);
  const cutAfter = snippet.endsWith(SNIPPET_ELLIPSIS);
  const core = snippet.slice(
    cutBefore ? SNIPPET_ELLIPSIS.length : 0,
    snippet.length - (cutAfter ? SNIPPET_ELLIPSIS.length : 0),
  );
  const at = core ? body.indexOf(core) : -1;
  if (at < 0) return snippet;
  const start = cutBefore ? sentenceStart(body, at) : at;
  const end = cutAfter ? sentenceEnd(body, at + core.length) : at + core.length;
  const text = body.slice(start ?? at, end ?? at + core.length).trim();
  return `${start === null ? '… ' : ''}${text}${end === null ? ' …' : ''}`;
}

/** Where the sentence holding `at` starts, if that is near enough. */
function sentenceStart(body: string, at: number): number | null {
  const from = Math.max(0, at - MAX_WIDENING);
  let start = from === 0 ? 0 : null;
  const pattern = new RegExp(SENTENCE_END);
  pattern.lastIndex = from;
  for (let m = pattern.exec(body); m && m.index < at; m = pattern.exec(body)) start = m.index + m[0].length;
  return start;
}

/** Where the sentence holding `end` (exclusive) ends, if that is near enough. */
function sentenceEnd(body: string, end: number): number | null {
  const pattern = new RegExp(SENTENCE_END);
  // From the snippet's last character, so a snippet that ends a sentence is not carried into the next one.
  pattern.lastIndex = Math.max(0, end - 1);
  const m = pattern.exec(body);
  return m && m.index - end <= MAX_WIDENING ? m.index + m[0].length : null;
}
