import { Parser } from 'htmlparser2';

/** Elements whose content is not text a reader sees. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);
/** Elements that end a sentence-like block: their end becomes ". " so that passages do not run together. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'br',
  'tr',
  'td',
  'th',
  'section',
  'article',
  'blockquote',
]);

/**
 * HTML to text through htmlparser2's tokenizer, in one pass over the file: scripts and styles dropped,
 * entities decoded, blocks ended with a full stop. Not regular expressions over the raw HTML: on a file of
 * `<` each `<` started a scan to the end, so the time grew with the square of the size (docs/benchmarks.md).
 */
export function htmlToText(html: string): { title: string | null; text: string } {
  const parts: string[] = [];
  let title: string | null = null;
  let inTitle = false;
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden += 1;
        if (name === 'title') inTitle = true;
        parts.push(' '); // a tag separates words: `Pilot<div>Ends` is two
      },
      ontext(text) {
        if (inTitle) title = (title ?? '') + text;
        else if (hidden === 0) parts.push(text);
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        if (name === 'title') inTitle = false;
        parts.push(BLOCK.has(name) ? '. ' : ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);
  const text = parts
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/(?:\.\s*){2,}/g, '. ')
    .trim();
  return { title: (title as string | null)?.trim() || null, text };
}
