import { distance } from 'fastest-levenshtein';
import { LEAD_FIELDS, REJECTED_EXPORT_COLUMNS, type ColumnMapping, type ColumnTarget, type LeadField } from '../fields';
import { FIELD_SYNONYMS, normaliseHeader } from './synonyms';

export interface ColumnMatch {
  column: string;
  target: ColumnTarget;
  /** 0..1: 1 for a known column name or a remembered/explicit mapping, lower for fuzzy matches. */
  confidence: number;
  reason: 'synonym' | 'fuzzy' | 'values' | 'remembered' | 'override' | 'unmapped' | 'export-column';
}

/** Below this a fuzzy guess is not trusted: the column becomes a custom field instead. */
const MIN_CONFIDENCE = 0.6;
const MIN_FUZZY_SIMILARITY = 0.7;
/** A known name inside a longer header counts only when it is most of it ("Work Email Address", not "Contact owner"). */
const MIN_CONTAINED_SHARE = 0.6;

interface Candidate {
  column: string;
  field: LeadField;
  confidence: number;
  reason: 'synonym' | 'fuzzy' | 'values';
}

const SYNONYM_INDEX: ReadonlyArray<{ field: LeadField; key: string; rank: number }> = LEAD_FIELDS.flatMap((field) =>
  FIELD_SYNONYMS[field].map((synonym, rank) => ({ field, key: normaliseHeader(synonym), rank })),
);
const EXPORT_COLUMNS = new Set(Object.values(REJECTED_EXPORT_COLUMNS));

/**
 * Maps each column to a lead field by synonyms and fuzzy matching (and, for columns whose name says
 * little, by what the sample values look like). Each field is given to its best column only; every other
 * column becomes a custom field, so nothing is dropped.
 */
export function autoMap(columns: readonly string[], sampleRows: ReadonlyArray<readonly string[]> = []): ColumnMatch[] {
  const candidates = columns.flatMap((column, index) => [
    ...nameCandidates(column),
    ...valueCandidates(
      column,
      sampleRows.map((row) => row[index] ?? ''),
    ),
  ]);
  candidates.sort((a, b) => b.confidence - a.confidence);
  const byColumn = new Map<string, ColumnMatch>();
  const takenFields = new Set<LeadField>();
  for (const candidate of candidates) {
    if (candidate.confidence < MIN_CONFIDENCE || byColumn.has(candidate.column) || takenFields.has(candidate.field))
      continue;
    byColumn.set(candidate.column, {
      column: candidate.column,
      target: candidate.field,
      confidence: round(candidate.confidence),
      reason: candidate.reason,
    });
    takenFields.add(candidate.field);
  }
  return columns.map((column) => {
    if (EXPORT_COLUMNS.has(column as never)) return { column, target: 'skip', confidence: 1, reason: 'export-column' };
    return byColumn.get(column) ?? { column, target: 'custom', confidence: 1, reason: 'unmapped' };
  });
}

/** Applies a remembered mapping, then explicit overrides, on top of automatic matches. */
export function resolveMapping(
  auto: readonly ColumnMatch[],
  remembered: ColumnMapping | undefined,
  overrides: ColumnMapping,
): ColumnMatch[] {
  return auto.map((match) => {
    const override = overrides[match.column];
    if (override) return { column: match.column, target: override, confidence: 1, reason: 'override' };
    const fromMemory = remembered?.[match.column];
    if (fromMemory) return { column: match.column, target: fromMemory, confidence: 1, reason: 'remembered' };
    return match;
  });
}

export function toMapping(matches: readonly ColumnMatch[]): ColumnMapping {
  return Object.fromEntries(matches.map((match) => [match.column, match.target]));
}

/** How likely a header names a known field: the share of its cells that map with some confidence. */
export function headerLikeness(cells: readonly string[]): number {
  const filled = cells.filter((cell) => cell.trim() !== '');
  if (filled.length === 0) return 0;
  return (
    filled.filter((cell) => nameCandidates(cell).some((c) => c.confidence >= MIN_CONFIDENCE)).length / filled.length
  );
}

function nameCandidates(column: string): Candidate[] {
  const header = normaliseHeader(column);
  if (header === '') return [];
  const best = new Map<LeadField, Candidate>();
  for (const { field, key, rank } of SYNONYM_INDEX) {
    const confidence = matchConfidence(header, key, rank);
    if (confidence > (best.get(field)?.confidence ?? 0)) {
      best.set(field, { column, field, confidence, reason: confidence >= 0.95 ? 'synonym' : 'fuzzy' });
    }
  }
  return [...best.values()];
}

function matchConfidence(header: string, key: string, rank: number): number {
  // Earlier synonyms are the more usual names: "Lead Status" beats "Lifecycle Stage" for the status field.
  if (header === key) return 1 - rank * 0.002;
  const similarity = 1 - distance(header, key) / Math.max(header.length, key.length);
  const fuzzy = similarity >= MIN_FUZZY_SIMILARITY ? similarity * 0.9 : 0;
  const share = key.length / header.length;
  const contained = key.length >= 4 && share >= MIN_CONTAINED_SHARE && header.includes(key) ? 0.55 + 0.4 * share : 0;
  return Math.max(fuzzy, contained);
}

const EMAIL_LIKE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Person profiles (linkedin.com/in/...), not company pages. */
const LINKEDIN_PROFILE_LIKE = /linkedin\.com\/in\//i;

/** A column named "URL" that holds linkedin.com links is the LinkedIn profile (LinkedIn's own export does this). */
function valueCandidates(column: string, values: readonly string[]): Candidate[] {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  if (filled.length === 0) return [];
  const share = (pattern: RegExp) => filled.filter((v) => pattern.test(v)).length / filled.length;
  const candidates: Candidate[] = [];
  // What the cells hold outweighs a generic name such as "URL".
  if (share(LINKEDIN_PROFILE_LIKE) >= 0.8)
    candidates.push({ column, field: 'linkedinUrl', confidence: 1, reason: 'values' });
  if (share(EMAIL_LIKE) >= 0.8) candidates.push({ column, field: 'email', confidence: 0.9, reason: 'values' });
  return candidates;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
