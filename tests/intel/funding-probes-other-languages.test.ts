import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { extractFunding, mergeFunding } from '../../src/core/intel/extract/funding';
import { scoreFunding } from '../eval/score';
import { PROBES, type FundingProbe } from './funding-probes-other-languages';

/**
 * Funding extraction on Spanish, Portuguese, French and Italian passages nobody tuned the extractor on (see
 * funding-probes-other-languages.ts): each probe is a one-passage document, scored as `npm run eval` scores a
 * report's funding. `FUNDING_PROBES=show` prints what the tune probes got wrong; held-out probes print totals only.
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

if (process.env.FUNDING_PROBES === 'show') {
  for (const r of tune.filter((t) => !t.right)) {
    console.log(`${r.probe.id}:`);
    for (const f of r.falseFacts) console.log(`  false: ${f}`);
    for (const m of r.misses) console.log(`  miss: ${m}`);
  }
  console.log('tune', totals(tune), 'holdout', totals(holdout));
}

describe('funding extraction on probe passages in other languages from pages outside the evaluation set', () => {
  it('holds the tune probes at their floors', () => {
    const t = totals(tune);
    expect(t.probes).toBe(17);
    expect(t.right).toBeGreaterThanOrEqual(9);
    expect(t.falseEvents).toBeLessThanOrEqual(0);
    expect(t.wrongInvestors).toBeLessThanOrEqual(2);
  });

  it('holds the held-out probes at their floors', () => {
    const h = totals(holdout);
    expect(h.probes).toBe(6);
    expect(h.right).toBeGreaterThanOrEqual(1);
    expect(h.falseEvents).toBeLessThanOrEqual(0);
    expect(h.wrongInvestors).toBeLessThanOrEqual(0);
  });
});
