/**
 * Sentence splitting for web text. A full stop ends a sentence unless it closes an initial ("John A. Smith",
 * but a round's letter, "Series B.", ends one), an abbreviation ("Inc.", "Corp.", "No.", "U.S.", "approx."),
 * a credential ("Ph.D.", "M.D."), a suffix ("Jr.") or a month ("Nov. 3"); decimals and tickers never have a
 * space after the stop. Each line is split on its own: on web pages a line break ends a heading, a list item
 * or a table row, never mid-sentence.
 */

const ABBREVIATIONS = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'llc',
  'l.l.c',
  'l.p',
  'lp',
  'n.v',
  's.a',
  'ag',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'jr',
  'sr',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vs',
  'approx',
  'est',
  'dept',
  'gov',
  'sen',
  'rep',
  'gen',
  'col',
  'lt',
  'sgt',
  'rev',
  'hon',
  'messrs',
  'ave',
  'blvd',
  'rd',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'e.u',
  'u.n',
  'u.s.a',
  'ph.d',
  'm.d',
  'b.a',
  'b.s',
  'm.a',
  'm.s',
  'm.b.a',
  'j.d',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
  'cf',
  'fig',
  'vol',
  'ca',
  'ext',
  'tel',
  // German pages: "40 Mio. Euro", "1,5 Mrd. Dollar", "u.a.", "z.B."
  'mio',
  'mrd',
  'u.a',
  'z.b',
  'bzw',
]);

/** Whether the text before a full stop ends in a word the stop belongs to. */
function stopBelongsToWord(before: string): boolean {
  // After a dash too: a Business Wire dateline runs "SAN FRANCISCO--(BUSINESS WIRE)--Feb. 27, 2025--".
  const word = /(?:^|[\s("“'\-–—])((?:\p{L}\.)*\p{L}+)$/u.exec(before)?.[1];
  if (!word) return false;
  // An initial, unless it is a round's letter ("raised a Series B. The round was led by ...").
  if (/^\p{Lu}$/u.test(word)) return !/\bSeries[\s-]\p{Lu}$/u.test(before);
  return ABBREVIATIONS.has(word.toLowerCase());
}

function lineSentences(line: string): string[] {
  const result: string[] = [];
  let start = 0;
  const boundary = /([.!?]+)(["”’)]*)\s+(?=["“(]?[\p{Lu}\p{N}])/gu;
  for (const m of line.matchAll(boundary)) {
    const end = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && stopBelongsToWord(line.slice(start, m.index))) continue;
    result.push(line.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  result.push(line.slice(start).trim());
  return result.filter((s) => s.length > 0);
}

export function sentences(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => lineSentences(line.replace(/\s+/g, ' ').trim()));
}
