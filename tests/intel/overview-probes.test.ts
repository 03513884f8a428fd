import { describe, expect, it } from 'vitest';
import type { Document } from '../../src/core/intel/component';
import { bestSupported, specificFirst } from '../../src/core/intel/components/overview';
import { groupValues } from '../../src/core/intel/extract/finding';
import { extractOverview } from '../../src/core/intel/extract/overview';
import { readPage } from '../../src/core/intel/read/page';
import { placeMatches } from '../eval/score';
import { OVERVIEW_PROBES, type OverviewProbe } from './overview-probes';

/** What the overview component would report of one probe's passage: every value of each field, the top one first. */
function overviewOf(probe: OverviewProbe) {
  const target = { name: probe.name, domain: null, aliases: probe.aliases ?? [], others: [] };
  const document: Document = {
    url: probe.url,
    title: probe.text.split('\n')[0]!.slice(0, 80),
    content: probe.text,
    rawContent: probe.text,
    publishedDate: probe.publishedDate ?? null,
    score: 1,
    provider: 'tavily',
  };
  const findings = bestSupported(extractOverview([document], target), (d) => readPage(d, target).date);
  const values = (field: string) => groupValues(findings, field).map((v) => v.value);
  return {
    headquarters: values('headquarters'),
    founded: values('founded'),
    industry: specificFirst(groupValues(findings, 'industry')).map((v) => v.value),
  };
}

interface Outcome {
  slug: string;
  holdout: boolean;
  /** Fields stated and read right, of those stated, per field. */
  right: { headquarters: number; founded: number; industry: number };
  stated: { headquarters: number; founded: number; industry: number };
  /** Headquarters and founding years reported that the page does not support (as `npm run eval` counts them). */
  wrong: string[];
}

const words = (text: string) => text.toLowerCase().replace(/-/g, ' ');

/** Scores a probe as `npm run eval` scores a company's overview: the top value for recall, every value for false facts. */
function outcome(probe: OverviewProbe, index: number): Outcome {
  const got = overviewOf(probe);
  const result: Outcome = {
    slug: probe.slug,
    holdout: index % 4 === 3,
    right: { headquarters: 0, founded: 0, industry: 0 },
    stated: { headquarters: 0, founded: 0, industry: 0 },
    wrong: [],
  };
  if (probe.headquarters) {
    result.stated.headquarters = 1;
    if (got.headquarters[0] && placeMatches(got.headquarters[0], probe.headquarters)) result.right.headquarters = 1;
  }
  if (probe.headquarters !== undefined)
    for (const value of got.headquarters)
      if (!probe.headquarters || !placeMatches(value, probe.headquarters)) result.wrong.push(`headquarters: ${value}`);
  if (probe.founded) {
    result.stated.founded = 1;
    if (got.founded[0] === probe.founded) result.right.founded = 1;
  }
  if (probe.founded !== undefined)
    for (const value of got.founded) if (value !== probe.founded) result.wrong.push(`founded: ${value}`);
  if (probe.industry.length) {
    result.stated.industry = 1;
    const top = got.industry[0];
    if (top && probe.industry.some((w) => words(top).includes(words(w)))) result.right.industry = 1;
  }
  return result;
}

/** Recall per field and in all, and the wrong values, of a group of probes. */
function figures(outcomes: Outcome[]) {
  const sum = (pick: (o: Outcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  const fields = ['headquarters', 'founded', 'industry'] as const;
  const per = Object.fromEntries(
    fields.map((f) => [f, `${sum((o) => o.right[f])}/${sum((o) => o.stated[f])}`]),
  ) as Record<(typeof fields)[number], string>;
  const right = sum((o) => o.right.headquarters + o.right.founded + o.right.industry);
  const stated = sum((o) => o.stated.headquarters + o.stated.founded + o.stated.industry);
  return { ...per, recall: Math.round((right / stated) * 100) / 100, wrong: sum((o) => o.wrong.length) };
}

// The split is by position in alphabetical order of slug, fixed before the first run.
const sorted = [...OVERVIEW_PROBES].sort((a, b) => a.slug.localeCompare(b.slug));
const outcomes = sorted.map(outcome);

describe('overview probes: pages nobody tuned on', () => {
  it('holds its probes in alphabetical order of slug, each slug once', () => {
    expect(OVERVIEW_PROBES.map((p) => p.slug)).toEqual(sorted.map((p) => p.slug));
    expect(new Set(sorted.map((p) => p.slug)).size).toBe(sorted.length);
  });

  it('reads the tuning probes at least as well as pinned', () => {
    const tune = figures(outcomes.filter((o) => !o.holdout));
    if (process.env.PROBES_VERBOSE) console.log('tune', tune);
    expect(tune.recall).toBeGreaterThanOrEqual(0.79);
    expect(tune.wrong).toBeLessThanOrEqual(0);
  });

  it('reads the held-out probes at least as well as pinned', () => {
    const holdout = figures(outcomes.filter((o) => o.holdout));
    if (process.env.PROBES_VERBOSE) console.log('holdout', holdout);
    expect(holdout.recall).toBeGreaterThanOrEqual(0.48);
    expect(holdout.wrong).toBeLessThanOrEqual(0);
  });

  it.runIf(process.env.PROBES_VERBOSE)('lists each tuning probe’s misses and wrong values', () => {
    for (const [i, probe] of sorted.entries()) {
      const o = outcomes[i]!;
      if (o.holdout) continue;
      const missed = (['headquarters', 'founded', 'industry'] as const).filter((f) => o.stated[f] && !o.right[f]);
      if (missed.length || o.wrong.length) console.log(probe.slug, { missed, wrong: o.wrong, got: overviewOf(probe) });
    }
  });
});
