import { InvalidArgumentError } from 'commander';

/** A commander parser for a positive whole number, naming what it is in the error. */
export function positiveInt(what: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0)
      throw new InvalidArgumentError(`"${value}" is not ${what} (a positive whole number).`);
    return n;
  };
}

/** The parser for every `<id>` argument and `--import <id>` option. */
export const parseId = positiveInt('an id');

/** A commander parser accepting one of `values`, listing them when the value is not one. */
export function oneOf<T extends string>(values: readonly T[], what: string): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value))
      throw new InvalidArgumentError(`unknown ${what} "${value}"; expected one of ${values.join(', ')}`);
    return value as T;
  };
}
