import { makeFact } from '../component';
import type { Fact, FactSection } from '../domain';
import type { Finding } from '../extract/finding';

/** A component's findings as facts of its section, each stating its field and value ("founded: 2015"). */
export function findingFacts(
  findings: readonly Finding[],
  of: { section: FactSection; component?: string; confidence: number },
): Fact[] {
  return findings.map((f) =>
    makeFact({
      ...of,
      kind: f.field,
      value: f.value,
      text: `${f.field}: ${f.value}`,
      document: f.document,
      evidence: f.evidence,
    }),
  );
}
