/** Shapes of API keys and credentials that must never reach a log, even if nobody registered them. */
const CREDENTIAL_PATTERNS: { pattern: RegExp; replacement: string }[] = [
  { pattern: /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, replacement: 'Bearer [redacted]' },
  { pattern: /\btvly-[A-Za-z0-9_-]{6,}/g, replacement: '[redacted]' },
  { pattern: /\bsk-[A-Za-z0-9_-]{6,}/g, replacement: '[redacted]' },
  { pattern: /\bgsk_[A-Za-z0-9]{6,}/g, replacement: '[redacted]' },
];

/** Secrets shorter than this are not registered: replacing every "abc" in a log would destroy it and hide nothing. */
const MIN_SECRET_LENGTH = 6;

/**
 * Removes secrets from text before it is written anywhere: every secret registered with `add` (the keys the
 * process has actually read or stored), and anything shaped like a bearer token or a provider key.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  add(secret: string): void {
    const trimmed = secret.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH) this.secrets.add(trimmed);
  }

  /** For logs: registered secrets and anything shaped like a credential. */
  redact(text: string): string {
    let result = this.redactRegistered(text);
    for (const { pattern, replacement } of CREDENTIAL_PATTERNS) result = result.replace(pattern, replacement);
    return result;
  }

  /**
   * Only the registered secrets, exactly: for data (IPC responses), where a credential-shaped word in a web
   * page's text must survive but a key echoed back by a provider's error message must not.
   */
  redactRegistered(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join('[redacted]');
    return result;
  }
}
