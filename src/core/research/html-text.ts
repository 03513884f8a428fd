import { Parser } from 'htmlparser2';
import { PassageCutter } from './passages';

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

/** Whitespace as a reader sees it, and a block that ends after a sentence's own full stop ends it once. */
const tidyHtmlText = (text: string) => text.replace(/\s+/g, ' ').replace(/(?:\.\s*){2,}/g, '. ');

/**
 * HTML to text through htmlparser2's tokenizer, in one pass over the file fed in chunks: scripts and styles
 * dropped, entities decoded, blocks ended with a full stop, the text handed on in passages as it arrives
 * (`PassageCutter`), so memory is bounded by a chunk and a passage, not by the file: the whole page at once
 * stopped a 9.5 MB page at the reader's heap limit (docs/benchmarks.md, issue 12 session 11). Not regular
 * expressions over the raw HTML: on a file of `<` each `<` started a scan to the end, so the time grew with
 * the square of the size.
 */
export class HtmlText {
  /** The `<title>`, once its element has closed. */
  title: string | null = null;
  private readonly parser: Parser;
  private readonly cutter: PassageCutter;

  constructor(emit: (text: string) => void) {
    this.cutter = new PassageCutter((text) => emit(text.trim()), tidyHtmlText);
    let titleText: string | null = null;
    let hidden = 0;
    const add = (text: string) => this.cutter.add(text);
    this.parser = new Parser(
      {
        onopentagname: (name) => {
          if (HIDDEN.has(name)) hidden += 1;
          if (name === 'title') titleText = '';
          add(' '); // a tag separates words: `Pilot<div>Ends` is two
        },
        ontext: (text) => {
          if (titleText !== null) titleText += text;
          else if (hidden === 0) add(text);
        },
        onclosetag: (name) => {
          if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
          if (name === 'title' && titleText !== null) {
            this.title ??= titleText.trim() || null;
            titleText = null;
          }
          add(BLOCK.has(name) ? '. ' : ' ');
        },
      },
      { decodeEntities: true, lowerCaseTags: true },
    );
  }

  write(chunk: string): void {
    this.parser.write(chunk);
  }

  /** Ends the page: its last passage is emitted (a page without text still gets one, empty). */
  end(): void {
    this.parser.end();
    this.cutter.end();
  }
}
