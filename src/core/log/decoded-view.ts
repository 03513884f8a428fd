/**
 * Text as a reader (or a JSON parser, or a browser) would decode it, with the span of the original each
 * decoded character came from. Matching runs on the decoded text, so a secret written as `tvly\u002dabc`
 * or `tvly%2Dabc` is still found; replacing the original spans keeps the rest of the text exactly as it was
 * (decoding it for output could turn `\u001b` into a live terminal escape).
 */
export interface DecodedView {
  text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  starts: number[];
  ends: number[];
}

/** `\uXXXX` (JSON and JavaScript), `\/` (JSON), and `%XX` for ASCII (URLs, form bodies). */
const ENCODED = /\\u([0-9a-fA-F]{4})|\\(\/)|%([0-7][0-9a-fA-F])/y;

/** The decoded view of `original`, or null when nothing in it is encoded (the common case: match it as it is). */
export function decodedView(original: string): DecodedView | null {
  if (!original.includes('\\') && !original.includes('%')) return null;
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < original.length; ) {
    ENCODED.lastIndex = i;
    const match = ENCODED.exec(original);
    const end = match ? ENCODED.lastIndex : i + 1;
    const hex = match?.[1] ?? match?.[3];
    text += hex ? String.fromCharCode(parseInt(hex, 16)) : match ? match[2]! : original[i]!;
    starts.push(i);
    ends.push(end);
    i = end;
  }
  return { text, starts, ends };
}

/** `original` with each decoded range `[start, end)` of `view` (non-overlapping, sorted) replaced; no view, no decoding. */
export function replaceDecodedRanges(original: string, view: DecodedView | null, ranges: [number, number][], replacement: string): string {
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    result += original.slice(at, view ? view.starts[start] : start) + replacement;
    at = view ? view.ends[end - 1]! : end;
  }
  return result + original.slice(at);
}
