import type { Seniority } from '../../settings/lead-work-settings';

/** Checked in this order: "Vice President" is a VP before "President" makes an executive. */
const LEVELS: [Seniority, RegExp][] = [
  ['vp', /\b(vp|svp|evp|vice[- ]president)\b/i],
  [
    'executive',
    /\b(chief|ceo|cfo|cto|coo|cmo|cro|cio|ciso|cpo|cdo|chro|founder|co-?founder|president|owner|managing director|general manager|managing partner)\b/i,
  ],
  ['director', /\b(director|head)\b/i],
  ['manager', /\b(manager|lead|principal|supervisor)\b/i],
];

/** How senior a title is; null when there is no title. */
export function seniorityFromTitle(title: string | null | undefined): Seniority | null {
  if (!title?.trim()) return null;
  return LEVELS.find(([, pattern]) => pattern.test(title))?.[0] ?? 'individual';
}
