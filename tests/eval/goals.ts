import type { Totals } from './score';

/** Issue 11's goals for lookups on real text, each as a test on the totals and a readable figure. */
export interface Goal {
  label: string;
  met: (t: Totals) => boolean;
  show: (t: Totals) => string;
}

export const GOALS: Goal[] = [
  {
    label: 'executives precision >= 0.95',
    met: (t) => t.executivesPrecision >= 0.95,
    show: (t) => t.executivesPrecision.toFixed(2),
  },
  {
    label: 'executives recall >= 0.85',
    met: (t) => t.executivesRecall >= 0.85,
    show: (t) => t.executivesRecall.toFixed(2),
  },
  {
    label: 'funding events fully right >= 90%',
    met: (t) => t.fundingFullyRight >= 0.9 * t.fundingTruth,
    show: (t) => `${t.fundingFullyRight} of ${t.fundingTruth}`,
  },
  { label: 'no false facts', met: (t) => t.falseFacts === 0, show: (t) => String(t.falseFacts) },
  {
    label: 'news dated >= 80%',
    met: (t) => t.newsDatedShare >= 0.8,
    show: (t) => `${t.newsDatedShare.toFixed(2)} of ${t.newsReturned}`,
  },
  { label: 'overview recall >= 0.8', met: (t) => t.overviewRecall >= 0.8, show: (t) => t.overviewRecall.toFixed(2) },
];
