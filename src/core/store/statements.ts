import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/** One statement's SQL with the types of its parameters and rows, checked where it runs. */
export interface Sql<P extends unknown[], R> {
  readonly text: string;
  /** Carries the types only; never set. */
  readonly types?: (...params: P) => R;
}

/** NoInfer: inside `statements({...})` the types come from the type arguments or the defaults, never from the call's context (which would make them `any`). */
export function sql<P extends unknown[] = unknown[], R = unknown>(text: string): Sql<NoInfer<P>, NoInfer<R>> {
  return { text };
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- a definition may take any parameters and rows */
type Definitions = Record<string, Sql<any, any>>;

export type Statements<D extends Definitions> = {
  readonly [K in keyof D]: D[K] extends Sql<infer P, infer R> ? Statement<P, R> : never;
};

/**
 * A store's statements by name, each prepared on its first use and then reused: preparing costs more than
 * running, and a store that is opened for one call should not prepare what it never runs.
 */
export function statements<D extends Definitions>(db: Db, definitions: D): Statements<D> {
  const prepared = {} as Record<keyof D, Statement>;
  for (const name of Object.keys(definitions) as (keyof D)[]) {
    Object.defineProperty(prepared, name, {
      enumerable: true,
      get() {
        const statement = db.prepare(definitions[name]!.text);
        Object.defineProperty(prepared, name, { value: statement, enumerable: true });
        return statement;
      },
      configurable: true,
    });
  }
  return prepared as Statements<D>;
}

/**
 * Statements by their SQL text, for stores whose SQL is assembled at run time (filters, column lists): the
 * same text is prepared once. Fixed SQL reads better named, through `statements`.
 */
export class StatementCache {
  private readonly prepared = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get<P extends unknown[] = unknown[], R = unknown>(text: string): Statement<P, R> {
    let statement = this.prepared.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.prepared.set(text, statement);
    }
    // A statement being iterated (an export streaming its rows) cannot run again until it is done.
    if (statement.busy) return this.db.prepare(text) as unknown as Statement<P, R>;
    return statement as unknown as Statement<P, R>;
  }
}

const connectionCaches = new WeakMap<Db, StatementCache>();

/**
 * The statement of SQL assembled at run time, from the connection's one `StatementCache`: for queries that
 * are functions of a connection rather than a store object (the leads table's filters and sorts).
 */
export function assembled<P extends unknown[] = unknown[], R = unknown>(db: Db, text: string): Statement<P, R> {
  let cache = connectionCaches.get(db);
  if (!cache) {
    cache = new StatementCache(db);
    connectionCaches.set(db, cache);
  }
  return cache.get<P, R>(text);
}
