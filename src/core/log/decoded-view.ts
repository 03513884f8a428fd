/**
 * Text as a reader (or a JSON parser, or a browser) would decode it, able to say which part of the original
 * each decoded character came from. Matching runs on the decoded text, so a secret written as
 * `tvly\u002dabc` or `tvly%2Dabc` is still found; replacing the original spans keeps the rest of the text
 * exactly as it was (decoding it for output could turn `\u001b` into a live terminal escape).
 */
export interface DecodedView {
  text: string;
  /** Per encoded sequence, in order: its index in `text`, and where it starts and ends in the original. */
  decodedAt: number[];
  originalStart: number[];
  originalEnd: number[];
}

/** `\uXXXX` (JSON and JavaScript), `\/` (JSON), and `%XX` for ASCII (URLs, form bodies). */
const ENCODED = /\\u([0-9a-fA-F]{4})|\\(\/)|%([0-7][0-9a-fA-F])/g;

/** The decoded view of `original`, or null when nothing in it is encoded (the common case: match it as it is). */
export function decodedView(original: string): DecodedView | null {
  if (!original.includes('\\') && !original.includes('%')) return null;
  const view: DecodedView = { text: '', decodedAt: [], originalStart: [], originalEnd: [] };
  let shrink = 0; // how much shorter the decoded text is than the original so far
  view.text = original.replace(
    ENCODED,
    (
      sequence: string,
      unicode: string | undefined,
      slash: string | undefined,
      percent: string | undefined,
      offset: number,
    ) => {
      view.decodedAt.push(offset - shrink);
      view.originalStart.push(offset);
      view.originalEnd.push(offset + sequence.length);
      shrink += sequence.length - 1;
      return slash ?? String.fromCharCode(parseInt((unicode ?? percent)!, 16));
    },
  );
  return view.decodedAt.length === 0 ? null : view;
}

/** The last encoded sequence at or before decoded index `at`, or -1 (binary search). */
function sequenceBefore(view: DecodedView, at: number): number {
  let low = 0;
  let high = view.decodedAt.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (view.decodedAt[middle]! <= at) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Where decoded character `at` starts in the original, or (with `end`) where it ends. */
function originalIndex(view: DecodedView, at: number, end: boolean): number {
  const k = sequenceBefore(view, at);
  if (k === -1) return at + (end ? 1 : 0);
  if (view.decodedAt[k] === at) return end ? view.originalEnd[k]! : view.originalStart[k]!;
  return view.originalEnd[k]! + (at - view.decodedAt[k]! - 1) + (end ? 1 : 0);
}

/** `original` with each decoded range `[start, end)` of `view` (non-overlapping, sorted) replaced; no view, no decoding. */
export function replaceDecodedRanges(
  original: string,
  view: DecodedView | null,
  ranges: [number, number][],
  replacement: string,
): string {
  let result = '';
  let at = 0;
  for (const [start, end] of ranges) {
    result += original.slice(at, view ? originalIndex(view, start, false) : start) + replacement;
    at = view ? originalIndex(view, end - 1, true) : end;
  }
  return result + original.slice(at);
}
