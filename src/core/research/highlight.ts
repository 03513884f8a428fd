/**
 * Marks FTS5's snippet() puts around each matched word: Unicode noncharacters, which text documents do not
 * contain. Should a document contain one anyway, the worst outcome is a word wrongly highlighted: the
 * passage reaches the renderer as plain text segments, never as markup.
 */
export const HIGHLIGHT_MARKS = ['\uFDD0', '\uFDD1'] as const;

/** A piece of a passage, highlighted when it is a word the search matched. */
export interface PassageSegment {
  text: string;
  match: boolean;
}

/** Splits a marked snippet into plain and matched segments; stray or unbalanced marks are dropped. */
export function highlightSegments(marked: string): PassageSegment[] {
  const [open, close] = HIGHLIGHT_MARKS;
  const segments: PassageSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let inside = false;
  let current = '';
  for (const char of marked) {
    if (char !== open && char !== close) {
      current += char;
      continue;
    }
    if ((char === open) === inside) continue; // an open inside a match, or a close outside one
    push(current, inside);
    current = '';
    inside = !inside;
  }
  push(current, inside);
  return segments;
}
