import { decodedView, replaceDecodedRanges, type DecodedView } from './decoded-view';

/**
 * Shapes of API keys and credentials that must never reach a log, even if nobody registered them. Each
 * match is what gets replaced (the `Bearer` before a token stays, as a hint of what was there).
 */
const CREDENTIAL_PATTERNS: RegExp[] = [
  /(?<=\bBearer\s+)[A-Za-z0-9._~+/=-]+/gi,
  /\btvly-[A-Za-z0-9_-]{6,}/gi,
  /\bsk-[A-Za-z0-9_-]{6,}/gi,
  /\bgsk_[A-Za-z0-9]{6,}/gi,
];

/** Secrets shorter than this are not registered: replacing every "abc" in a log would destroy it and hide nothing. */
const MIN_SECRET_LENGTH = 6;

const REDACTED = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A test for any escaped or URL-encoded character of the given secrets (either letter case). Text without
 * one (most JSON: `%20` and `\u00e9` are no key's characters) can only hold a secret as written, so the
 * decoded view, costly on megabytes of IPC or database text, is skipped.
 */
function encodedCharacterTest(secrets: Iterable<string>): RegExp {
  const codes = new Set<string>();
  for (const secret of secrets) {
    for (const char of `${secret.toLowerCase()}${secret.toUpperCase()}`) {
      const code = char.charCodeAt(0);
      if (code < 0x80) codes.add(code.toString(16).padStart(2, '0'));
    }
  }
  const hex = [...codes].join('|');
  return new RegExp(`\\\\u00(?:${hex})|%(?:${hex})|\\\\/`, 'i');
}

/**
 * Removes secrets from text before it is written anywhere: every secret registered with `add` (the keys the
 * process has actually read or stored), and anything shaped like a bearer token or a provider key. It
 * matches on the decoded text (JSON `\u` escapes, URL encoding) and in any letter case, so a key a
 * provider echoes escaped or upper-cased is found too.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | null = null;
  private encodedCharacter: RegExp | null = null;

  add(secret: string): void {
    const trimmed = secret.trim();
    if (trimmed.length < MIN_SECRET_LENGTH || this.secrets.has(trimmed)) return;
    this.secrets.add(trimmed);
    // Longest first, so a secret that contains another is removed whole.
    const sources = [...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.pattern = new RegExp(sources.join('|'), 'gi');
    this.encodedCharacter = encodedCharacterTest(this.secrets);
  }

  /** For logs and the command line: registered secrets and anything shaped like a credential. */
  redact(text: string): string {
    return this.replace(
      text,
      this.pattern ? [this.pattern, ...CREDENTIAL_PATTERNS] : CREDENTIAL_PATTERNS,
      decodedView(text),
    );
  }

  /**
   * Only the registered secrets: for data (IPC responses, the database), where a credential-shaped word in
   * a web page's text must survive but a key echoed back by a provider's error message must not.
   */
  redactRegistered(text: string): string {
    if (!this.pattern) return text;
    return this.replace(text, [this.pattern], this.encodedCharacter!.test(text) ? decodedView(text) : null);
  }

  private replace(text: string, patterns: RegExp[], view: DecodedView | null): string {
    const decoded = view?.text ?? text;
    const ranges = patterns
      .flatMap((pattern) =>
        [...decoded.matchAll(pattern)].map((m): [number, number] => [m.index, m.index + m[0].length]),
      )
      .filter(([start, end]) => end > start);
    return ranges.length === 0 ? text : replaceDecodedRanges(text, view, mergeRanges(ranges), REDACTED);
  }
}

/**
 * This thread's redactor: every key the thread reads is registered here (`withSecretsRedacted`), and the
 * log, the command line's output and every database write pass through it.
 */
export const threadRedactor = new Redactor();

/** Sorted, with overlapping or touching ranges joined. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [start, end] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
