import type { GroundingFact } from './grounding-fact';
import { strongestWhyNow } from './why-now';

/** The facts a template can build a sentence on: the strongest recent event, and what the company does. */
export interface UsableFacts {
  whyNow: GroundingFact | null;
  about: GroundingFact | null;
}

/**
 * Picks them from a company's facts. Templates and the decision to hold a lead back both read this, so a
 * lead is held back exactly when no template would have a company fact to write about.
 */
export function usableFacts(facts: readonly GroundingFact[], now: Date): UsableFacts {
  return {
    whyNow: strongestWhyNow(facts, now),
    about: facts.find((fact) => fact.section === 'overview' && fact.kind === 'description') ?? null,
  };
}

export function hasUsableFact(usable: UsableFacts): boolean {
  return usable.whyNow !== null || usable.about !== null;
}
