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
