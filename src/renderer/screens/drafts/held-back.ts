/**
 * The leads a drafting run held back, as one clause: how many and why, each reason once. Which lead had
 * which reason is in that lead's activity (drafting records it there), on the Leads screen.
 */
export function heldBackClause(heldBack: ReadonlyArray<{ reason: string }>): string {
  if (heldBack.length === 0) return '';
  // A reason is a sentence; inside the parentheses its full stop would end the clause early.
  const reasons = [...new Set(heldBack.map((held) => held.reason.replace(/\.$/, '')))].join('; ');
  return `${heldBack.length} held back (${reasons}; see each lead’s activity on the Leads screen)`;
}
