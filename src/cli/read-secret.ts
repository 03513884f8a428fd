import readline from 'node:readline';

/**
 * Reads one line from standard input. On a terminal the prompt goes to stderr and typed characters are
 * not echoed; from a pipe the first line is taken as is.
 */
export async function readSecretLine(
  stdin: NodeJS.ReadableStream,
  stderr: NodeJS.WritableStream,
  prompt: string,
): Promise<string> {
  const tty = stdin as NodeJS.ReadStream;
  if (!tty.isTTY) {
    for await (const line of readline.createInterface({ input: stdin, crlfDelay: Infinity })) return line.trim();
    return '';
  }
  stderr.write(prompt);
  tty.setRawMode(true);
  tty.resume();
  tty.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const char of chunk) {
          if (char === '\r' || char === '\n') return finish(() => resolve(typed.trim()));
          if (char === '\u0003')
            return finish(() => reject(Object.assign(new Error('Cancelled.'), { name: 'AbortError' })));
          typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
        }
      };
      const finish = (settle: () => void) => {
        tty.off('data', onData);
        settle();
      };
      tty.on('data', onData);
    });
  } finally {
    tty.setRawMode(false);
    tty.pause();
    stderr.write('\n');
  }
}
