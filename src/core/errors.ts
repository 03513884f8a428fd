/**
 * An error whose message is safe and useful to show the analyst (no secrets, no stack), with a code the
 * UI and the command line can react to. Anything else that escapes is reported generically.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An error's stack trace followed by those of its causes, for `--debug` and for errors crossing a thread. */
export function stackWithCauses(error: unknown): string {
  const traces: string[] = [];
  for (
    let current = error;
    current !== undefined && traces.length < 5;
    current = (current as { cause?: unknown }).cause
  ) {
    traces.push(current instanceof Error ? (current.stack ?? `${current.name}: ${current.message}`) : String(current));
  }
  return traces.join('\nCaused by: ');
}
