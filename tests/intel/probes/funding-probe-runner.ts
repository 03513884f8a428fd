import type { Document } from '../../../src/core/intel/component';
import { extractFunding, mergeFunding } from '../../../src/core/intel/extract/funding';
import { scoreFunding } from '../../eval/score';
import type { FundingTruth } from '../../eval/realworld-set';

/**
 * A funding probe: one passage reworded from a real page about a company outside the evaluation set, with the
 * rounds a careful reader takes from it (none when it states no round of the company). `holdout` probes (a
 * quarter, chosen by position before the first run) are never tuned on.
 */
export interface FundingProbe {
  id: string;
  /** The company the probe looks up, and the short names its page calls it by. */
  company: string;
  aliases: string[];
  /** The page's own date when it states one. */
  date: string | null;
  text: string;
  rounds: FundingTruth[];
  holdout?: boolean;
}

/** A round as the truth states it; `others` are the investors besides the leads. */
export const round = (
  name: string | null,
  amount: number | null,
  currency: string | null,
  date: string | null,
  leadInvestors: string[],
  others: string[] = [],
): FundingTruth => ({ round: name, amount, currency, date, leadInvestors, investors: [...leadInvestors, ...others] });

export interface ProbeResult {
  probe: FundingProbe;
  right: boolean;
  falseEvents: number;
  wrongInvestors: number;
  misses: string[];
  falseFacts: string[];
}

/** The probe as a one-passage document through funding extraction, scored as `npm run eval` scores a report's funding. */
export function runFundingProbe(probe: FundingProbe): ProbeResult {
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

export function fundingProbeTotals(results: ProbeResult[]) {
  return {
    probes: results.length,
    right: results.filter((r) => r.right).length,
    falseEvents: results.reduce((n, r) => n + r.falseEvents, 0),
    wrongInvestors: results.reduce((n, r) => n + r.wrongInvestors, 0),
  };
}

/** Runs the probes, split into the tune and the held-out ones. */
export function runFundingProbes(probes: FundingProbe[]): { tune: ProbeResult[]; holdout: ProbeResult[] } {
  const results = probes.map(runFundingProbe);
  return { tune: results.filter((r) => !r.probe.holdout), holdout: results.filter((r) => r.probe.holdout) };
}

/** With `FUNDING_PROBES=show`: what the tune probes got wrong. Held-out probes are never shown, only counted. */
export function showTuneMisses(tune: ProbeResult[]): void {
  if (process.env.FUNDING_PROBES !== 'show') return;
  for (const r of tune.filter((t) => !t.right)) {
    console.log(`${r.probe.id}:`);
    for (const f of r.falseFacts) console.log(`  false: ${f}`);
    for (const m of r.misses) console.log(`  miss: ${m}`);
  }
}
