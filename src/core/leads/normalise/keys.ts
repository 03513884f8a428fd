import { domainToASCII } from 'node:url';

/** Legal-form words dropped from the end of a company name for matching ("Acme Inc." ≡ "ACME"). */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ug',
  'ohg',
  'ev',
  'se',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sca',
  'snc',
  'sl',
  'slu',
  'srl',
  'spa',
  'sapi',
  'cv',
  'sacv',
  'de',
  'bv',
  'nv',
  'vof',
  'ab',
  'as',
  'asa',
  'oy',
  'oyj',
  'aps',
  'pty',
  'pvt',
  'kk',
]);

const FREE_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'hotmail.com',
  'outlook.com',
  'live.com',
  'msn.com',
  'aol.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'yahoo.fr',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'wanadoo.fr',
  'hotmail.fr',
  'yahoo.es',
  'hotmail.es',
  'mail.ru',
  'yandex.ru',
]);

// Kept in its own module, free of Node imports, so settings (which the renderer loads) can share it.
export { EMAIL_ADDRESS } from './email-address';

/** What finds a contact by email: lower case, and composed (macOS may write "å" as "a" and a combining ring). The address itself is kept as written. */
export function emailKey(email: string): string {
  return email.normalize('NFC').toLowerCase();
}

/** Any UTF-16 code unit above ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

/** Lower case, accents and punctuation removed, single spaces: the common base of every matching key. */
export function foldText(text: string): string {
  // ASCII has no accents to take off and its letters and digits are [a-z0-9] once lower-cased: the same
  // result without Unicode normalisation and property classes (twice as fast; most cells are ASCII).
  if (!NON_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return foldUnicodeText(text);
}

/** The general folding (Unicode normalisation and property classes); `foldText`'s ASCII shortcut must equal it. */
export function foldUnicodeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "ACME, Inc." → "acme"; "Müller GmbH & Co. KG" → "muller". Never empty for a non-empty name. */
export function companyKey(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  if (words.length > 1 && words[words.length - 1] === 'and') words.pop();
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

export function fullNameKey(name: string): string {
  return foldText(name);
}

/** "https://www.Acme.com/about" → "acme.com"; undefined when the text is not a web address. */
export function domainFromWebsite(website: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const host = new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
    return host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The company domain of a work email; undefined for free-mail addresses (gmail.com says nothing about the
 * employer). An internationalised domain in its ASCII form (punycode), as `domainFromWebsite` gives it, so
 * that `jürgen@bücher.de` and `https://bücher.de` name the same company.
 */
export function domainFromEmail(email: string): string | undefined {
  const written = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const domain = domainToASCII(written) || written;
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : undefined;
}
