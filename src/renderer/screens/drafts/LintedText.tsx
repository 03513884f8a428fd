import type { ReactNode } from 'react';
import type { LintWarning } from '../../../core/outreach/draft-schema';

/** The text with each lint span marked; the mark's title is the warning, so hovering explains it. */
export function LintedText({ text, warnings }: { text: string; warnings: LintWarning[] }) {
  const spans = [...warnings].filter((w) => w.end > w.start && w.end <= text.length).sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const w of spans) {
    if (w.start < at) continue; // overlapping spans: the first one marks the text
    parts.push(text.slice(at, w.start));
    parts.push(
      <mark key={`${w.start}-${w.rule}`} className="lint-mark" title={w.message}>
        {text.slice(w.start, w.end)}
      </mark>,
    );
    at = w.end;
  }
  parts.push(text.slice(at));
  return <div className="linted-text">{parts}</div>;
}
