/**
 * `stream`, except that what is written to it passes through `redact` first: the command line's stdout and
 * stderr, where results, progress, error lines and `--debug` stack traces all go.
 */
export function withRedactedWrites<S extends NodeJS.WritableStream>(stream: S, redact: (text: string) => string): S {
  const write = (chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
    return (stream.write as (...args: unknown[]) => boolean)(typeof text === 'string' ? redact(text) : text, ...rest);
  };
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'write') return write;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
