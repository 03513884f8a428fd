/**
 * The most characters of one passage of a text or HTML file (a PDF page longer than this is cut the same
 * way). Each passage is one message from the reader's worker and one FTS insert on the app's main thread, in
 * an event-loop turn of its own: a 4.4 MB page in one insert held that thread for 0.6 s (docs/benchmarks.md,
 * issue 12 session 11). Notes and saved articles are shorter and stay one passage.
 */
export const PASSAGE_CHARS = 64 * 1024;

/** Where to cut `text` (at least `PASSAGE_CHARS` long): after the last sentence end, else the last space. */
function cutAt(text: string): number {
  const half = PASSAGE_CHARS / 2;
  const sentence = text.lastIndexOf('. ', PASSAGE_CHARS - 2);
  if (sentence >= half) return sentence + 2;
  const space = text.lastIndexOf(' ', PASSAGE_CHARS - 1);
  if (space >= half) return space + 1;
  // One word of 32K characters or more (a page of `<`): cut inside it, not inside a surrogate pair.
  const code = text.charCodeAt(PASSAGE_CHARS - 1);
  return code >= 0xd800 && code <= 0xdbff ? PASSAGE_CHARS - 1 : PASSAGE_CHARS;
}

/**
 * Text arriving in pieces (a parser's text events, a file's lines) as passages of at most `PASSAGE_CHARS`,
 * each handed to `emit` when complete, so that no more than two passages are held at a time. `tidy`
 * rewrites the pending text (collapsing whitespace); it must give the same result when applied again to its
 * own output followed by more text. It runs once per `PASSAGE_CHARS` of input, so the work stays linear.
 */
export class PassageCutter {
  private pending = '';
  /** Length of `pending` when last tidied: new input past it is what triggers the next tidy. */
  private tidied = 0;
  private emitted = 0;

  constructor(
    private readonly emit: (text: string) => void,
    private readonly tidy: (text: string) => string = (text) => text,
  ) {}

  add(text: string): void {
    this.pending += text;
    if (this.pending.length - this.tidied < PASSAGE_CHARS) return;
    this.sendWhole();
  }

  /** The rest as the last passages; a document with no text still gets one (empty) passage. */
  end(): void {
    this.sendWhole();
    const rest = this.pending;
    this.pending = '';
    if (rest.trim().length > 0 || this.emitted === 0) this.send(rest);
  }

  /** Tidies the pending text and sends the whole passages in it, keeping the rest. */
  private sendWhole(): void {
    this.pending = this.tidy(this.pending);
    while (this.pending.length >= PASSAGE_CHARS) {
      const cut = cutAt(this.pending);
      this.send(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
    this.tidied = this.pending.length;
  }

  private send(text: string): void {
    this.emitted += 1;
    this.emit(text);
  }
}
