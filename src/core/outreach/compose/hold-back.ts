import type { DraftContext } from './draft-context';
import { hasUsableFact, usableFacts } from './usable-facts';

/**
 * Why a lead gets no draft, or null when it gets one. Without a company fact a draft can only be built on
 * the sender's value proposition and the lead's role; lacking either, it would be a form letter that says
 * nothing about this person, so the lead is held back with the reason instead.
 */
export function holdBackReason({ lead, sender, facts, now }: DraftContext): string | null {
  if (hasUsableFact(usableFacts(facts, now))) return null;
  const company = lead.company || 'The lead’s company';
  const missing = [
    !sender.valueProposition.trim() && 'the sender profile has no value proposition (Settings → Sender profile)',
    !lead.title.trim() && 'the lead has no title',
  ].filter(Boolean);
  if (missing.length === 0) return null;
  return `${company} has no usable fact yet (look the company up first), and ${missing.join(' and ')}: a draft would say nothing about this person.`;
}
