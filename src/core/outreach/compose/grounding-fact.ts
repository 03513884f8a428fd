/** The events that make "why now" a good moment to write, strongest first. */
export const WHY_NOW_KINDS = ['funding', 'launch', 'partnership', 'expansion', 'hire'] as const;
export type WhyNowKind = (typeof WHY_NOW_KINDS)[number];

/**
 * One stored fact about a company, reduced to what a draft may say: a short, sanitised statement and the
 * source it came from. A draft can only say about a company what one of these says.
 */
export interface GroundingFact {
  id: number;
  /** Report section the fact came from (overview, funding, news, ...). */
  section: string;
  /** What the fact is within its section (description, headquarters, funding_round, ...). */
  kind: string;
  /** Set when the fact is a dated event worth opening an email with. */
  trigger: WhyNowKind | null;
  /** A statement that reads on its own, e.g. "Acme raised a $20M Series B". */
  text: string;
  sourceUrl: string;
  /** ISO date (YYYY-MM-DD) of the event or of the source, when known. */
  date: string | null;
  confidence: number;
}
