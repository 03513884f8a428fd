/**
 * Amounts of money as business text writes them: "$45 million", "US$1.2bn", "€600M", "£15m", "EUR 20
 * million", "₹500 crore", "Rs 1,200 crore", "45 million dollars", "$350,000".
 */
export interface Money {
  amount: number;
  currency: string;
  /** Where the amount starts and ends in the text. */
  index: number;
  end: number;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  'u.s.$': 'USD',
  dollars: 'USD',
  'u.s. dollars': 'USD',
  'us dollars': 'USD',
  a$: 'AUD',
  au$: 'AUD',
  aud: 'AUD',
  'australian dollars': 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  cad: 'CAD',
  'canadian dollars': 'CAD',
  s$: 'SGD',
  sgd: 'SGD',
  'singapore dollars': 'SGD',
  hk$: 'HKD',
  hkd: 'HKD',
  'hong kong dollars': 'HKD',
  nz$: 'NZD',
  nzd: 'NZD',
  'new zealand dollars': 'NZD',
  '€': 'EUR',
  eur: 'EUR',
  euros: 'EUR',
  euro: 'EUR',
  // German pages' words (see GERMAN).
  dollar: 'USD',
  'us-dollar': 'USD',
  pfund: 'GBP',
  franken: 'CHF',
  '£': 'GBP',
  gbp: 'GBP',
  pounds: 'GBP',
  '₹': 'INR',
  rs: 'INR',
  'rs.': 'INR',
  inr: 'INR',
  rupees: 'INR',
  '¥': 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
  chf: 'CHF',
  'swiss francs': 'CHF',
  'swiss franc': 'CHF',
  sek: 'SEK',
  kronor: 'SEK',
  'swedish kronor': 'SEK',
  'swedish krona': 'SEK',
  nok: 'NOK',
  'norwegian kroner': 'NOK',
  dkk: 'DKK',
  'danish kroner': 'DKK',
  pln: 'PLN',
  zloty: 'PLN',
  r$: 'BRL',
  brl: 'BRL',
  '₪': 'ILS',
  nis: 'ILS',
};
const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  mm: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  lakh: 1e5,
  lakhs: 1e5,
  trillion: 1e12,
  millionen: 1e6,
  'mio.': 1e6,
  milliarden: 1e9,
  milliarde: 1e9,
  'mrd.': 1e9,
};

// Not after a letter: "CA$15 million" is Canadian, and "MX$" (no currency here) must not read as "$".
const PREFIX =
  '(?<![A-Za-z])(US\\$|U\\.S\\.\\$|AU\\$|CA\\$|HK\\$|NZ\\$|A\\$|C\\$|S\\$|R\\$|\\$|€|£|₹|¥|₪|(?:USD|EUR|GBP|INR|Rs\\.?|CHF|SEK|NOK|DKK|PLN|JPY|AUD|CAD|SGD|HKD|NZD|BRL|NIS)\\s?)';
// "1,02,500": Indian pages group digits by lakh and crore after the first thousand.
const NUMBER = '(\\d{1,2}(?:,\\d{2})+,\\d{3}(?:\\.\\d+)?|\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const SCALE =
  '(?:\\s?-?(thousand|million|billion|trillion|crores?|lakhs?|mln|mn|bn|cr|mm|[kKmMbB])(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž]))';
/** "25 million Swiss francs", "300 million Swedish kronor", "40 million Canadian dollars": the currency named after the sum. */
const SUFFIX_CURRENCY =
  '(?:\\s((?:(?:U\\.S\\.|US|Australian|Canadian|Singapore|Hong\\sKong|New\\sZealand)\\s)?dollars|euros?|pounds|rupees|yen|Swiss\\sfrancs?|(?:Swedish\\s)?kronor|Swedish\\skrona|(?:Norwegian|Danish)\\skroner|zloty|USD|EUR|GBP|INR|CHF|SEK|NOK|DKK|PLN))';

// Any case: headlines write "$40.8 Million", "EUR 3.2BN".
const PREFIXED = new RegExp(`${PREFIX}\\s?${NUMBER}${SCALE}?`, 'giu');
const SUFFIXED = new RegExp(`(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ž\\d$€£₹.,])${NUMBER}${SCALE}?${SUFFIX_CURRENCY}`, 'giu');

function toMoney(symbol: string, number: string, scale: string | undefined, index: number, end: number): Money | null {
  const currency = SYMBOLS[symbol.trim().toLowerCase()];
  const value = Number(number.replace(/,/g, ''));
  if (!currency || !Number.isFinite(value)) return null;
  const factor = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
  return { amount: Math.round(value * factor), currency, index, end };
}

/** German pages: "75 Millionen Euro", "90 Mio. Dollar", "1,5 Milliarden US-Dollar" (a decimal comma, thousands dots). */
const GERMAN =
  /(?<![\p{L}\d.,])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)\s(Millionen|Million|Mio\.|Milliarden|Milliarde|Mrd\.)\s(Euro|US-Dollar|Dollar|Pfund|Franken)\b/gu;

/** Every amount of money a text states, in order. */
export function moneyIn(text: string): Money[] {
  const found: Money[] = [];
  for (const m of text.matchAll(PREFIXED)) {
    const money = toMoney(m[1]!, m[2]!, m[3], m.index, m.index + m[0].length);
    if (money) found.push(money);
  }
  for (const m of text.matchAll(GERMAN)) {
    const money = toMoney(m[3]!, m[1]!.replace(/\./g, '').replace(',', '.'), m[2], m.index, m.index + m[0].length);
    if (money) found.push(money);
  }
  for (const m of text.matchAll(SUFFIXED)) {
    if (found.some((f) => m.index >= f.index && m.index < f.end)) continue;
    const money = toMoney(m[3]!, m[1]!, m[2], m.index, m.index + m[0].length);
    if (money) found.push(money);
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Rough worth of one unit of each currency in US dollars, as pages convert them ("€600 million ($690
 * million)"): only to tell that two amounts in different currencies are one sum, never to report one.
 */
const IN_DOLLARS: Record<string, number> = {
  USD: 1,
  EUR: 1.1,
  GBP: 1.27,
  CHF: 1.1,
  CAD: 0.74,
  AUD: 0.66,
  SGD: 0.74,
  INR: 0.012,
  JPY: 0.0068,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.15,
  PLN: 0.25,
  HKD: 0.13,
  NZD: 0.6,
  BRL: 0.19,
  ILS: 0.27,
};

/** How many significant digits an amount is written with: 1 for "$1 billion", 3 for "$1.05 billion". */
export function significantDigits(amount: number): number {
  return String(Math.abs(Math.round(amount))).replace(/0+$/, '').length;
}

/**
 * Whether two amounts are one sum: within 2% in one currency, within 5% when one is a round figure ("$1
 * billion" for "$1.05 billion", as a later page rounds it), within 15% across currencies (rates move).
 */
export function roughlySameAmount(
  a: { amount: number | null; currency: string | null },
  b: { amount: number | null; currency: string | null },
): boolean {
  if (a.amount === null || b.amount === null) return false;
  if (a.currency === b.currency) {
    const rounded = Math.min(significantDigits(a.amount), significantDigits(b.amount)) === 1;
    return Math.abs(a.amount - b.amount) <= Math.max(a.amount, b.amount) * (rounded ? 0.05 : 0.02);
  }
  const [x, y] = [IN_DOLLARS[a.currency ?? ''], IN_DOLLARS[b.currency ?? '']];
  if (!x || !y) return false;
  const [u, v] = [a.amount * x, b.amount * y];
  return Math.abs(u - v) <= Math.max(u, v) * 0.15;
}
