/**
 * Runs `work` with Ctrl-C as its cancel: the first SIGINT aborts the signal `work` was given (after `onStop`,
 * which says what happens next), so the work ends cleanly and reports; a second one stops the process.
 */
export async function cancelOnCtrlC<T>(work: (signal: AbortSignal) => Promise<T>, onStop?: () => void): Promise<T> {
  const controller = new AbortController();
  const stop = () => {
    onStop?.();
    controller.abort();
  };
  process.once('SIGINT', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
  }
}
