import type { AlertKind } from '../../core/watch/alert-diff';

/** An alert kind in the analyst's words: the Alerts inbox and a plan's alert trigger. */
export const KIND_LABELS: Record<AlertKind, string> = {
  funding_round: 'Funding round',
  executive_joined: 'New executive',
  executive_departed: 'Executive gone',
  news: 'News',
  headquarters_changed: 'Headquarters',
  size_changed: 'Size',
};
