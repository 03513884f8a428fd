/**
 * Page cleaning: what a page's text holds besides its content (navigation, cookie notices, share buttons,
 * bylines, newsletter mastheads, repeated headings) is removed line by line before anything is extracted,
 * so that "Home About Careers" never becomes a sentence and "The Weekly CFO by Jane Doe" never a person.
 */

const CLUTTER_LINE = [
  /^(?:skip to (?:main )?content|jump to navigation|toggle navigation|menu|close menu|open menu|main menu|search|search\.{3}|back to top|go to top|home)$/i,
  /\b(?:cookies?|cookie (?:policy|settings|preferences))\b.*\b(?:accept|agree|consent|use|continue|browsing|experience)\b|^accept(?: all)?(?: cookies)?$|^(?:reject|decline)(?: all)?$/i,
  /^(?:share(?: this)?(?: article| story| post)?|tweet|email|print|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest)(?:[\s|·•,/]+(?:share|tweet|email|print|copy link|facebook|twitter|x|linkedin|whatsapp|reddit|pinterest))*:?$/i,
  /^(?:subscribe|sign (?:in|up)|log ?in|register|create account|my account|newsletter|follow us(?: on .*)?|read more|see more|learn more|view all|show more|load more|related (?:articles|stories|news|posts)|recommended(?: for you)?|trending(?: now)?|most (?:read|popular)|advertisement|sponsored(?: content)?|continue reading)\.?$/i,
  /^(?:©|\(c\)|copyright\b)|\ball rights reserved\b|^(?:privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us|careers|sitemap|accessibility)(?:\s*[|·•]\s*.*)?$/i,
  /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Ee]dited by)\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}(?:\s*[,|·•-]\s*.{0,60})?$/u,
  /^(?:photo|image|credit|source|getty images|file photo)(?:\s*(?:credit)?\s*:.*)?$/i,
  /^\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+(?:read|ago)$/i,
];

/** A line of a few capitalised words separated by pipes, bullets or wide gaps: a navigation bar. */
const NAV_BAR =
  /^(?:[\p{Lu}][\p{L}&'’.-]*(?: [\p{L}&'’.-]+){0,2})(?:\s*(?:[|·•>»/]|\s{2,})\s*[\p{Lu}][\p{L}&'’.-]*(?: [\p{L}&'’.-]+){0,2}){3,}$/u;

/** "The Weekly CFO by Jane Doe", "Morning Brew, by Sam Roe": a newsletter's name with its author, not a person's role. */
const MASTHEAD =
  /^(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+){1,5}(?:newsletter\s+)?,?\s*by\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,2}$/u;

function isClutter(line: string): boolean {
  return CLUTTER_LINE.some((pattern) => pattern.test(line)) || NAV_BAR.test(line) || MASTHEAD.test(line);
}

/**
 * The page's text without clutter lines, and without a heading repeated (a title shown again above the
 * article, a section name on every card). Line breaks are kept: they separate list items and table rows.
 */
export function cleanPage(text: string): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // A tab separates a table's columns: kept as a visible separator, since all other runs of space collapse.
    const line = raw
      .trim()
      .replace(/\s*\t\s*/g, ' | ')
      .replace(/[ \u00a0]+/g, ' ');
    if (!line) {
      if (kept.length > 0 && kept[kept.length - 1] !== '') kept.push('');
      continue;
    }
    if (isClutter(line)) continue;
    // Long headings (an article's title shown again) count once. Short lines repeat for real: two people of a
    // leadership list may both be "Vice President, Sales". Repeated sentences are real text and stay too.
    const heading = line.length <= 160 && line.split(' ').length >= 6 && !/[.!?:]["”’)]?$/.test(line);
    if (heading && seen.has(line.toLowerCase())) continue;
    if (heading) seen.add(line.toLowerCase());
    kept.push(line);
  }
  return kept.join('\n').trim();
}
