import { describe, expect, it } from 'vitest';
import { PROBES } from './funding-probes-other-languages';
import { fundingProbeTotals, runFundingProbes, showTuneMisses } from './probes/funding-probe-runner';

/**
 * Funding extraction on Spanish, Portuguese, French and Italian passages nobody tuned the extractor on (see
 * funding-probes-other-languages.ts): each probe is a one-passage document, scored as `npm run eval` scores a
 * report's funding. `FUNDING_PROBES=show` prints what the tune probes got wrong; held-out probes are only counted.
 */
const { tune, holdout } = runFundingProbes(PROBES);
showTuneMisses(tune);

describe('funding extraction on probe passages in other languages from pages outside the evaluation set', () => {
  it('holds the tune probes at their floors', () => {
    const t = fundingProbeTotals(tune);
    expect(t.probes).toBe(17);
    expect(t.right).toBeGreaterThanOrEqual(9);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(2);
  });

  it('holds the held-out probes at their floors', () => {
    const h = fundingProbeTotals(holdout);
    expect(h.probes).toBe(6);
    expect(h.right).toBeGreaterThanOrEqual(1);
    expect(h.falseEvents).toBeLessThanOrEqual(0);
    expect(h.wrongInvestors).toBeLessThanOrEqual(0);
  });
});
