import { UserFacingError } from '../errors';

const MINUTES: Record<string, number> = { m: 1, h: 60, d: 60 * 24, w: 60 * 24 * 7 };

/** `30m`, `12h`, `1d`, `2w` as minutes; a watch refreshed more often than every 15 minutes would only read its cache. */
export function parseEvery(text: string): number {
  const match = /^\s*(\d+)\s*([mhdw])\s*$/i.exec(text);
  const minutes = match ? Number(match[1]) * MINUTES[match[2]!.toLowerCase()]! : NaN;
  if (!Number.isSafeInteger(minutes) || minutes < 15) {
    throw new UserFacingError(
      'invalid_interval',
      `"${text}" is not an interval of at least 15 minutes: write a number and m, h, d or w (e.g. 12h, 1d).`,
    );
  }
  return minutes;
}

/** Minutes as the shortest exact `--every` text (1440 -> 1d). */
export function describeEvery(minutes: number): string {
  const unit = (['w', 'd', 'h'] as const).find((u) => minutes % MINUTES[u]! === 0) ?? 'm';
  return `${minutes / MINUTES[unit]!}${unit}`;
}
