import type { SenderProfile } from '../../settings/schema';
import type { GroundingFact } from './grounding-fact';

/** A lead as its own row describes it: everything a draft may say about the person without a source. */
export interface LeadProfile {
  leadId: number;
  firstName: string;
  lastName: string;
  fullName: string;
  email: string | null;
  title: string;
  company: string;
  companyId: number | null;
  domain: string | null;
  city: string;
  country: string;
}

/** Everything a generator may use to write one draft. */
export interface DraftContext {
  lead: LeadProfile;
  sender: SenderProfile;
  /** The company's facts, already sanitised; empty when the company was never enriched or nothing was found. */
  facts: GroundingFact[];
  now: Date;
}
