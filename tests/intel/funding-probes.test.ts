import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { extractFunding, mergeFunding } from '../../src/core/intel/extract/funding';
import { scoreFunding } from '../eval/score';
import { PROBES, PROBES_2, type FundingProbe } from './funding-probes';

/**
 * Funding extraction on passages nobody tuned the extractor on (see funding-probes.ts): each probe is a one-passage
 * document, scored as `npm run eval` scores a report's funding. `FUNDING_PROBES=show` prints what the tune probes
 * got wrong; the held-out probes only ever print their totals.
 */
interface ProbeResult {
  probe: FundingProbe;
  right: boolean;
  falseEvents: number;
  wrongInvestors: number;
  misses: string[];
  falseFacts: string[];
}

function run(probe: FundingProbe): ProbeResult {
  const document = {
    url: `https://probe.example.com/${probe.id}`,
    title: probe.text.split('\n')[0]!,
    content: probe.text,
    rawContent: probe.text,
    publishedDate: probe.date,
    score: 1,
    provider: 'probe',
  } as Document;
  const target = { name: probe.company, domain: null, aliases: probe.aliases, others: [] };
  const scored = scoreFunding(mergeFunding(extractFunding([document], target)), probe.rounds);
  return {
    probe,
    right: scored.fullyRight === probe.rounds.length && scored.falseFacts.length === 0,
    falseEvents: scored.falseFacts.filter((f) => f.includes('is no round')).length,
    wrongInvestors: scored.falseFacts.filter((f) => f.includes('who is not an investor')).length,
    misses: scored.misses,
    falseFacts: scored.falseFacts,
  };
}

function totals(results: ProbeResult[]) {
  return {
    probes: results.length,
    right: results.filter((r) => r.right).length,
    falseEvents: results.reduce((n, r) => n + r.falseEvents, 0),
    wrongInvestors: results.reduce((n, r) => n + r.wrongInvestors, 0),
  };
}

const results = PROBES.map(run);
const tune = results.filter((r) => !r.probe.holdout);
const holdout = results.filter((r) => r.probe.holdout);
const second = PROBES_2.map(run);
const tune2 = second.filter((r) => !r.probe.holdout);
const holdout2 = second.filter((r) => r.probe.holdout);

if (process.env.FUNDING_PROBES === 'show') {
  for (const r of [...tune, ...tune2].filter((t) => !t.right)) {
    console.log(`${r.probe.id}:`);
    for (const f of r.falseFacts) console.log(`  false: ${f}`);
    for (const m of r.misses) console.log(`  miss: ${m}`);
  }
  console.log('tune', totals(tune), 'holdout', totals(holdout));
  console.log('tune2', totals(tune2), 'holdout2', totals(holdout2));
}

describe('funding extraction on probe passages from pages outside the evaluation set', () => {
  it('holds the tune probes at their floors', () => {
    const t = totals(tune);
    expect(t.probes).toBe(28);
    expect(t.right).toBeGreaterThanOrEqual(22);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(0);
  });

  it('holds the held-out probes at their floors', () => {
    const h = totals(holdout);
    expect(h.probes).toBe(10);
    expect(h.right).toBeGreaterThanOrEqual(1);
    expect(h.falseEvents).toBeLessThanOrEqual(1);
    expect(h.wrongInvestors).toBeLessThanOrEqual(3);
  });

  it('holds the second batch at its floors, tune and held out', () => {
    const [t, h] = [totals(tune2), totals(holdout2)];
    expect([t.probes, h.probes]).toEqual([10, 4]);
    expect(t.right).toBeGreaterThanOrEqual(10);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(0);
    expect(h.right).toBeGreaterThanOrEqual(2);
    expect(h.falseEvents).toBeLessThanOrEqual(3);
    expect(h.wrongInvestors).toBeLessThanOrEqual(0);
  });
});
