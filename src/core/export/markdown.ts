/**
 * Web text in Markdown we write. A report is read in editors and viewers that render Markdown and often
 * the HTML inside it, so a value from a web page must stay text: no tags (`<script>`, `<img onerror>`),
 * no links of its own (`[win](javascript:…)`, `<javascript:…>`), no emphasis or table syntax, and no
 * control or bidi characters that rewrite what the reader sees. Only our own Markdown around the values
 * is Markdown.
 */

/** Control characters, line and paragraph separators and format characters (bidi overrides, zero-width). */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
/** Markdown's inline syntax; `(` `)` `!` `:` only mean something after a bracket or `<`, which are escaped. */
const MARKDOWN_PUNCTUATION = /[\\`*_[\]~|#]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
/** The only schemes a link target may have. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;
/** A value that is one URL-like token (`https://…`, `javascript:…`): a link target, not prose. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\S*$/i;

/** A value as inline Markdown text: one line, shown exactly as written. */
export function markdownText(value: string): string {
  return value
    .replace(INVISIBLE, ' ')
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(MARKDOWN_PUNCTUATION, '\\$&');
}

/**
 * A URL for a link target or an autolinked source line: http(s) and mailto only, with the characters
 * that could end the target or start other syntax percent-encoded. Anything else (`javascript:`,
 * `data:`, `file:`) is returned as inert text, its scheme's colon escaped, so no viewer makes it a link.
 */
export function markdownUrl(url: string): string {
  const clean = url.replace(INVISIBLE, '');
  if (!SAFE_LINK.test(clean)) return markdownText(clean).replace(':', '\\:');
  return clean.replace(
    /[\s<>"'`()[\]{}\\|*_~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * A copy of a value (a report, a draft) with every string made safe to interpolate into Markdown: URLs
 * through `markdownUrl`, everything else through `markdownText`. Equal strings stay equal, so lookups
 * by URL in the copy still work. Numbers, booleans and null are unchanged.
 */
export function markdownSafe<T>(value: T): T {
  if (typeof value === 'string') return (URL_LIKE.test(value) ? markdownUrl(value) : markdownText(value)) as T;
  if (Array.isArray(value)) return value.map(markdownSafe) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, markdownSafe(v)])) as T;
  return value;
}
