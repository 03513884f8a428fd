import type { Document } from '../component';
import type { SourcedValue } from '../domain';
import { normaliseKey } from '../text';

/** A value read from one sentence of one document. */
export interface Finding {
  field: string;
  value: string;
  evidence: string;
  document: Document;
}

/** Groups findings of one field by value: one entry per distinct value, so conflicts stay side by side. */
export function groupValues(findings: Finding[], field: string): SourcedValue[] {
  const groups = new Map<string, SourcedValue>();
  for (const finding of findings.filter((f) => f.field === field)) {
    const key = normaliseKey(finding.value);
    const group = groups.get(key) ?? { value: finding.value, sources: [] };
    if (!group.sources.includes(finding.document.url)) group.sources.push(finding.document.url);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.sources.length - a.sources.length);
}
