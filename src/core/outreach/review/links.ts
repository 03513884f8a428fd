import { domainToASCII } from 'node:url';

/**
 * The one place that decides what is a link. Sanitising web text, the draft lint and the LLM drafter all
 * ask it, so a domain the sanitiser misses is also one the lint lets through; keep it that way.
 *
 * A link is anything a reader could type into a browser or mail client: a URL of any scheme, an email
 * address, an IP address, or a bare domain in any case and with any TLD (`Evil.Shop`, `bücher.de`,
 * `xn--p1ai`), written with the full stop of any script (`evil。shop`, `evil．shop`, `evil｡shop`) or as
 * `evil[.]shop`. Text is matched as a reader sees it (compatibility forms folded, invisible characters
 * dropped), and spans point back into the original text so the lint can mark them.
 */

export interface LinkSpan {
  /** Offsets into the text as given. */
  start: number;
  end: number;
  /** The link as a reader sees it (`ｗｗｗ.evil.com` reads `www.evil.com`). */
  text: string;
  /** Lower-case ASCII host (punycode for IDN), or null when the link names none (`javascript:…`). */
  host: string | null;
}

/**
 * U+002E and the full stops of other scripts that survive NFKC (full-width and small ones fold to `.`), and
 * the dots that look like one between two words (`evil·shop`, `evil•shop`): a reader types them as `.`.
 * Catalan's `l·l` (`col·legi`) reads as a link too; a false alarm is the safe side.
 */
const FULL_STOPS =
  '.\u0589\u06D4\u0701\u0702\u1362\u166E\u1803\u1809\u2CF9\u2CFE\u2E3C\u3002\uA4FF\uA60E\uA6F3\u{16AF5}\u{16E98}\u{1BC9F}\u{1DA88}' +
  '\u00B7\u2022\u2027\u2219\u22C5\u2E33\u30FB\u16EB';
const STOP = `[${FULL_STOPS}]`;
const STOP_PATTERN = new RegExp(STOP, 'u');
/** A dot, or one spelled out in brackets the way threat reports "defang" links: `[.]`, `(dot)`. */
const DOT = `(?:${STOP}|\\s?[[({]\\s?(?:dot|${STOP})\\s?[\\])}]\\s?)`;
/** A DNS label of any script; 63 characters at most, which also keeps matching linear on long words. */
const LABEL = '[\\p{L}\\p{N}\\p{M}][\\p{L}\\p{N}\\p{M}-]{0,62}';
/** File names and code names a company text mentions (`Node.js`, `report.pdf`); none is a TLD. */
const NOT_TLD = '(?:js|ts|tsx|jsx|txt|pdf|csv|json|html?|xml|png|jpe?g|gif|svg|docx?|xlsx?|pptx?)(?![\\p{L}\\p{N}])';
const TLD = `(?!${NOT_TLD})(?:xn--[a-z0-9-]{1,59}|\\p{L}[\\p{L}\\p{M}]{1,62})(?![\\p{L}\\p{N}\\p{M}-])`;
const PORT_AND_PATH = `(?::\\d{2,5})?(?:[/?#][^\\s<>()[\\]{}"'\`]*[^\\s<>()[\\]{}"'\`.,;:!?])?`;
/** Not in the middle of a word or an address. (After a dot is fine: a name too long for `DOMAIN` is caught in parts.) */
const START = '(?<![\\p{L}\\p{N}\\p{M}@_-])';
const ANY_DOT = new RegExp(DOT, 'giu');
/** At most 17 labels, so that a failed match costs a bounded amount of work wherever it starts. */
const DOMAIN = `${LABEL}(?:${DOT}${LABEL}){0,15}${DOT}${TLD}`;

/** Tried in order; a later pattern does not match inside an earlier one's link. */
const PATTERNS: RegExp[] = [
  // Any scheme with `//`, and the schemes that run or send something without one.
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:[a-z][a-z0-9+.-]{1,15}:\\/\\/|(?:javascript|vbscript|data|mailto|file):(?=\\S))[^\\s<>()[\\]{}"'\`]*[^\\s<>()[\\]{}"'\`.,;:!?]`,
    'giu',
  ),
  new RegExp(`${START}[\\p{L}\\p{N}\\p{M}._%+-]{1,64}@${DOMAIN}`, 'giu'),
  new RegExp(`${START}\\d{1,3}(?:${STOP}\\d{1,3}){3}(?![\\p{N}])${PORT_AND_PATH}`, 'giu'),
  new RegExp(`${START}${DOMAIN}${PORT_AND_PATH}`, 'giu'),
];

/**
 * "grew fast last year.The company…": a missing space before a sentence that starts with one of these
 * words is not a domain (none of them is a TLD), so the sentence is kept.
 */
const SENTENCE_START =
  /^(?:The|This|That|These|Those|Our|We|They|Its|He|She|His|Her|Their|And|But|After|Since|With|When|While|However)$/;

const FORMAT_CHARACTERS = /\p{Cf}/u;
const CONTROL_CHARACTERS = /\p{Cc}/u;

/** Printable ASCII and line breaks read as themselves: most drafts, which need no mapping. */
const PLAIN = /^[\x20-\x7e\n]*$/;

/** The text as a reader sees it, one code point at a time, with where each character came from (null: the same place). */
function asRead(text: string): { read: string; from: number[] | null } {
  if (PLAIN.test(text)) return { read: text, from: null };
  let read = '';
  const from: number[] = [];
  let index = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    // Printable ASCII reads as itself; only the rest needs the (slow) Unicode look-ups.
    const seen =
      code >= 0x20 && code < 0x7f
        ? char
        : FORMAT_CHARACTERS.test(char)
          ? ''
          : CONTROL_CHARACTERS.test(char)
            ? ' '
            : char.normalize('NFKC');
    for (let i = 0; i < seen.length; i++) from.push(index);
    read += seen;
    index += char.length;
  }
  from.push(index);
  return { read, from };
}

/** Every link in a text, in order of appearance. */
export function findLinkSpans(text: string): LinkSpan[] {
  const { read, from } = asRead(text);
  const found: { start: number; end: number }[] = [];
  const taken = new Uint8Array(read.length);
  for (const pattern of PATTERNS) {
    for (const match of read.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.subarray(start, end).includes(1) || SENTENCE_START.test(match[0].split(STOP_PATTERN).at(-1)!)) continue;
      taken.fill(1, start, end);
      found.push({ start, end });
    }
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map(({ start, end }) => ({
      start: from ? from[start]! : start,
      end: from ? from[end]! : end,
      text: read.slice(start, end),
      host: hostOf(read.slice(start, end)),
    }));
}

/** The links of a text as a reader sees them. */
export function findLinks(text: string): string[] {
  return findLinkSpans(text).map((link) => link.text);
}

/** The links of a text that are neither the prospect's nor the sender's (see `ownHosts`). */
export function foreignLinks(text: string, own: readonly string[]): LinkSpan[] {
  return findLinkSpans(text).filter(
    (link) => !link.host || !own.some((host) => link.host === host || link.host!.endsWith(`.${host}`)),
  );
}

/** Who may be named in a draft: the lead's row and the sender's profile, in the analyst's own words. */
export interface OwnParties {
  lead: { domain?: string | null; email?: string | null; company?: string };
  sender: { email: string; company: string; signature: string; valueProposition: string };
}

/**
 * The hosts a draft may name: the lead's company domain and email domain, the sender's email domain,
 * and any host the sender's profile or the lead's company name spells out (`Booking.com`, a website in
 * the signature). Subdomains of these are theirs too.
 */
export function ownHosts({ lead, sender }: OwnParties): string[] {
  let senders = hostsOfSender.get(sender);
  if (!senders) {
    senders = hostsOf([sender.email], [sender.company, sender.signature, sender.valueProposition]);
    hostsOfSender.set(sender, senders);
  }
  return [...new Set([...hostsOf([lead.domain, lead.email], [lead.company]), ...senders])];
}

/** The sender's hosts are read once: one profile object serves a whole drafting run. */
const hostsOfSender = new WeakMap<object, string[]>();

function hostsOf(addresses: readonly (string | null | undefined)[], words: readonly (string | undefined)[]): string[] {
  const hosts = addresses.map((value) => (value ? hostOf(value.trim()) : null));
  for (const text of words) if (text) hosts.push(...findLinkSpans(text).map((link) => link.host));
  // `www.acme.com` in a lead's row means acme.com and all of its subdomains.
  return hosts.flatMap((host) => (host?.includes('.') ? [host.replace(/^www\./, '')] : []));
}

/** `https://user@Shop.Example:8443/x` → `shop.example`; an address's domain; a bare domain; `evil[.]shop` → `evil.shop`. */
function hostOf(link: string): string | null {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/|^(?:javascript|vbscript|data|mailto|file):/i.exec(link)?.[0] ?? '';
  // `javascript:`, `data:` and the like name no host: never anyone's own.
  if (scheme && !scheme.endsWith('//') && !/^mailto:/i.test(scheme)) return null;
  // A browser reads `\` as `/`: `https://evil.shop\@acme.example` goes to evil.shop.
  const authority = link
    .slice(scheme.length)
    .replace(ANY_DOT, '.')
    .split(/[/?#\\\s]/u)[0]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d+$/, '');
  return host ? domainToASCII(host) || host.toLowerCase() : null;
}
