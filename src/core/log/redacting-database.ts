import type { Database } from 'better-sqlite3';
import { threadRedactor } from './redactor';

type Method = 'run' | 'get' | 'all' | 'iterate';
const METHODS: Method[] = ['run', 'get', 'all', 'iterate'];

/** A bound parameter with every string in it redacted (positional values, arrays, named-parameter objects). */
function redactParameter(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactParameter(item, redact));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? redact(item) : item]),
    );
  }
  return value;
}

const isRead = (source: string) => /^\s*SELECT\b/i.test(source);

/**
 * Every statement that writes (anything but a SELECT) has its text and its string parameters passed through
 * `redact` before SQLite sees them: a key that a provider echoed into an error, or that reached a page's text,
 * is cut out before it is stored, whichever service wrote it and whether it came as a parameter or as a
 * literal in the SQL (`db.exec` takes no parameters). `[redacted]` holds no quote, so a literal stays one.
 * By default, the keys this thread has read.
 */
export function redactStringWrites(
  db: Database,
  redact: (text: string) => string = (text) => threadRedactor.redactRegistered(text),
): void {
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  db.exec = ((source: string) => exec(redact(source))) as Database['exec'];
  db.prepare = ((source: string) => {
    if (isRead(source)) return prepare(source);
    const statement = prepare(redact(source));
    for (const method of METHODS) {
      const original = (statement[method] as (...params: unknown[]) => unknown).bind(statement);
      Object.defineProperty(statement, method, {
        value: (...params: unknown[]) => original(...params.map((param) => redactParameter(param, redact))),
      });
    }
    return statement;
  }) as Database['prepare'];
}
