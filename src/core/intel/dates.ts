const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'i');
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'i');
const IN_YEAR = /\b(?:in|since|during)\s+((?:19|20)\d{2})\b/i;

function monthNumber(name: string): string {
  const index = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3)));
  return String(index + 1).padStart(2, '0');
}

/**
 * The first date a sentence states, as ISO text as precise as the sentence is: "2025-03-12", "2025-03"
 * or "2025". Null when it states none.
 */
export function findDate(text: string): string | null {
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
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}
