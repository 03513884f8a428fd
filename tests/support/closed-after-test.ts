import { afterEach } from 'vitest';

interface Closable {
  close(): unknown;
}

const opened: Closable[] = [];

/** Something a test opens (a harness, a loopback receiver), closed after the current test in the order opened. */
export function closedAfterTest<T extends Closable>(thing: T): T {
  opened.push(thing);
  return thing;
}

afterEach(async () => {
  for (const thing of opened.splice(0)) await thing.close();
});
