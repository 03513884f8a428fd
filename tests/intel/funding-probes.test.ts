import { describe, expect, it } from 'vitest';
import { PROBES, PROBES_2 } from './funding-probes';
import { fundingProbeTotals, runFundingProbes, showTuneMisses } from './probes/funding-probe-runner';

/**
 * Funding extraction on passages nobody tuned the extractor on (see funding-probes.ts): each probe is a one-passage
 * document, scored as `npm run eval` scores a report's funding. `FUNDING_PROBES=show` prints what the tune probes
 * got wrong; the held-out probes are only counted, against their floors.
 */
const { tune, holdout } = runFundingProbes(PROBES);
const { tune: tune2, holdout: holdout2 } = runFundingProbes(PROBES_2);
showTuneMisses([...tune, ...tune2]);

describe('funding extraction on probe passages from pages outside the evaluation set', () => {
  it('holds the tune probes at their floors', () => {
    const t = fundingProbeTotals(tune);
    expect(t.probes).toBe(28);
    expect(t.right).toBeGreaterThanOrEqual(22);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(0);
  });

  it('holds the held-out probes at their floors', () => {
    const h = fundingProbeTotals(holdout);
    expect(h.probes).toBe(10);
    expect(h.right).toBeGreaterThanOrEqual(1);
    expect(h.falseEvents).toBeLessThanOrEqual(1);
    expect(h.wrongInvestors).toBeLessThanOrEqual(3);
  });

  it('holds the second batch at its floors, tune and held out', () => {
    const [t, h] = [fundingProbeTotals(tune2), fundingProbeTotals(holdout2)];
    expect([t.probes, h.probes]).toEqual([10, 4]);
    expect(t.right).toBeGreaterThanOrEqual(10);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(0);
    expect(h.right).toBeGreaterThanOrEqual(2);
    expect(h.falseEvents).toBeLessThanOrEqual(3);
    expect(h.wrongInvestors).toBeLessThanOrEqual(0);
  });
});
