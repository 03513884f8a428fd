import type { GroundingFact, WhyNowKind } from './grounding-fact';

/** How strongly each kind of event justifies writing now. */
const KIND_WEIGHT: Record<WhyNowKind, number> = {
  funding: 1,
  launch: 0.85,
  partnership: 0.8,
  expansion: 0.75,
  hire: 0.7,
};
/** An event this old counts half as much as one from today. */
const HALF_LIFE_DAYS = 60;
/** Older events are no reason to write now. */
const MAX_AGE_DAYS = 365;
/** An undated event may be old: it counts as if it were this many days old. */
const UNDATED_AGE_DAYS = 120;
const DAY_MS = 86_400_000;

/** Scores a fact as a reason to write now, or null when it is none (not an event, too old, or in the future). */
export function whyNowScore(fact: GroundingFact, now: Date): number | null {
  if (!fact.trigger) return null;
  const parsed = fact.date ? Date.parse(fact.date) : Number.NaN;
  const ageDays = Number.isNaN(parsed) ? UNDATED_AGE_DAYS : (now.getTime() - parsed) / DAY_MS;
  if (ageDays > MAX_AGE_DAYS || ageDays < -2) return null;
  const recency = Math.pow(0.5, Math.max(0, ageDays) / HALF_LIFE_DAYS);
  return KIND_WEIGHT[fact.trigger] * recency * fact.confidence;
}

/** The strongest recent "why now" event among a company's facts, if any. */
export function strongestWhyNow(facts: readonly GroundingFact[], now: Date): GroundingFact | null {
  let best: GroundingFact | null = null;
  let bestScore = 0;
  for (const fact of facts) {
    const score = whyNowScore(fact, now);
    if (score !== null && score > bestScore) {
      best = fact;
      bestScore = score;
    }
  }
  return best;
}
