const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
// "August 2019", "August, 2019", "August of 2020"
const MONTH_YEAR = new RegExp(`\\b${MONTH},?\\s+(?:of\\s+)?(\\d{4})\\b`, 'i');
// "in 2023", and a part of the year a reader places only by its year: "in late 2022", "in Q3 2023", "in mid-2021".
const IN_YEAR =
  /\b(?:in|since|during)\s+(?:(?:early|late|mid-?|Q[1-4]|H[12]|(?:spring|summer|fall|autumn|winter)(?:\sof)?|the\s(?:first|second|third|fourth|last)\s(?:quarter|half)\sof)\s*)?((?:19|20)\d{2})\b/i;
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s+\\d{4})`, 'i');
const IN_MONTH = new RegExp(
  `\\b(?:in|since|during|early|late|mid-?|last|from)\\s+${MONTH}(?![\\w.]*,?\\s+(?:of\\s+)?\\d)`,
  'i',
);
const RELATIVE_YEAR = /\b(last|this|earlier\sthis|later\sthis|previous)\syear\b/i;
/** "a year ago", "two years ago", "4 months ago": counted back from the page's date. */
const AGO = /\b(an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s(year|month)s?\sago\b/i;
const COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The months' full names as a sentence writes them ("January|February|..."), for patterns that name one. */
export const FULL_MONTH_NAMES = MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|');

/** "January", "Jan." -> "01". */
export function monthNumber(name: string): string {
  const index = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3)));
  return String(index + 1).padStart(2, '0');
}

/**
 * The first date a sentence states, as ISO text as precise as the sentence is: "2025-03-12", "2025-03"
 * or "2025". A date without its year ("on Jan. 15", "in June", "last year") takes it from `reference`, the
 * page's own date, and is never in the page's future. Null when it states none.
 */
export function findDate(text: string, reference: string | null = null): string | null {
  return statedDate(text) ?? (reference ? relativeDate(text, reference) : null);
}

function relativeDate(text: string, reference: string): string | null {
  const year = Number(reference.slice(0, 4));
  const month = reference.length >= 7 ? Number(reference.slice(5, 7)) : 12;
  const inYear = (m: number) => (m > month ? year - 1 : year);
  let m = MONTH_DAY.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return `${inYear(Number(month))}-${month}-${m[2]!.padStart(2, '0')}`;
  }
  m = IN_MONTH.exec(text);
  if (m) return `${inYear(Number(monthNumber(m[1]!)))}-${monthNumber(m[1]!)}`;
  m = AGO.exec(text);
  if (m) {
    const count = /^an?$/i.test(m[1]!) ? 1 : Number(m[1]) || COUNTS.indexOf(m[1]!.toLowerCase()) + 1;
    if (/year/i.test(m[2]!)) return String(year - count);
    // A month back from a page dated by its year alone is a month of unknown year.
    if (reference.length < 7) return null;
    const months = year * 12 + (month - 1) - count;
    return `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
  }
  m = RELATIVE_YEAR.exec(text);
  if (m) return String(/last|previous/i.test(m[1]!) ? year - 1 : year);
  return null;
}

function statedDate(text: string): string | null {
  let m = ISO.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = MONTH_DAY_YEAR.exec(text);
  if (m) return `${m[3]}-${monthNumber(m[1]!)}-${m[2]!.padStart(2, '0')}`;
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return `${m[3]}-${monthNumber(m[2]!)}-${m[1]!.padStart(2, '0')}`;
  m = MONTH_YEAR.exec(text);
  if (m) return `${m[2]}-${monthNumber(m[1]!)}`;
  m = IN_YEAR.exec(text);
  return m ? m[1]! : null;
}

/** A provider's published date ("2025-05-02T10:00:00Z", "Fri, 02 May 2025 10:00:00 GMT") as YYYY-MM-DD. */
export function isoDay(value: string | null): string | null {
  if (!value) return null;
  // A month or a year stays as precise as it was given: "2025-06" is not June 1.
  if (/^\d{4}(?:-\d{2})?$/.test(value.trim())) return value.trim();
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
