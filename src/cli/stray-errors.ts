/**
 * Errors no `await` in `main` can catch: an `'error'` event nobody listens to (stdout closed under the
 * command, EPIPE), a rejection or a throw from a timer, a callback or a library's stream. Node would print
 * its own stack trace and exit; the command line reports them as it reports any error (`report`: one line,
 * the stack only with `--debug`) and exits with 1, since the process's state is no longer known.
 */
export function reportStrayErrors(owner: NodeJS.Process, report: (error: unknown) => void): void {
  const fail = (error: unknown) => {
    try {
      report(error);
    } finally {
      // Also when stderr itself is gone: the exit code still tells.
      owner.exit(1);
    }
  };
  owner.on('uncaughtException', fail);
  owner.on('unhandledRejection', fail);
}
