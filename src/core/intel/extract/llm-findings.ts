import { z } from 'zod';
import type { ComponentContext, Document } from '../component';
import { usableSentences } from '../read/page';
import { StepFailure } from '../run-graph';
import type { Finding } from './finding';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Whether `part` occurs in `text`, ignoring case and runs of whitespace. */
export function quotedIn(text: string, part: string): boolean {
  return squash(text).includes(squash(part));
}

/** A record the model found, with the document it cites and the sentence it quotes (checked verbatim). */
export interface LlmRecord<T> {
  item: T;
  evidence: string;
  document: Document;
}

export interface LlmRecordsRequest<T extends z.ZodRawShape> {
  /** What to extract, in plain words (the company is named for the model). */
  instruction: string;
  /** The fields of one record; `evidence` and `document` are added. */
  item: T;
  /** Texts of a record that must appear in its evidence (e.g. a person's name): what the model may not invent. */
  grounded?: (item: z.infer<z.ZodObject<T>>) => (string | null)[];
}

/**
 * Records read by the configured LLM. The model sees only usable sentences (planted instructions and
 * namesake sentences removed); its answer must match the zod schema, and a record is kept only when its
 * evidence is quoted from the document it cites and its grounded texts appear in that evidence: a value
 * the model made up, or read from an instruction, cannot pass.
 */
export async function llmRecords<T extends z.ZodRawShape>(
  context: ComponentContext,
  documents: Document[],
  request: LlmRecordsRequest<T>,
): Promise<LlmRecord<z.infer<z.ZodObject<T>>>[]> {
  if (!context.llm || documents.length === 0) return [];
  const texts = documents.map((d, i) => ({
    index: i + 1,
    title: d.title,
    text: usableSentences(d, context.target, context.read).join(' '),
  }));
  const schema = z.object({
    records: z.array(z.object({ ...request.item, evidence: z.string(), document: z.number().int() })),
  });
  const result = await context.llm.extract(
    {
      instruction: `Company: ${context.target.name}${context.target.domain ? ` (${context.target.domain})` : ''}. ${request.instruction} For each record quote the sentence it comes from as evidence and give the document number.`,
      documents: texts,
      schema,
      schemaName: 'record_facts',
    },
    { signal: context.signal },
  );
  if (!result.ok) throw new StepFailure(result.error);
  return result.data.records.flatMap((record) => {
    const {
      evidence,
      document: index,
      ...item
    } = record as { evidence: string; document: number } & z.infer<z.ZodObject<T>>;
    const document = documents[index - 1];
    const text = texts[index - 1]?.text ?? '';
    if (!document || !evidence.trim() || !quotedIn(text, evidence)) return [];
    const grounded = request.grounded?.(item as z.infer<z.ZodObject<T>>) ?? [];
    if (grounded.some((part) => part !== null && !quotedIn(evidence, part))) return [];
    return [{ item: item as z.infer<z.ZodObject<T>>, evidence: evidence.trim(), document }];
  });
}

/** Single-valued fields (overview, custom components) read by the LLM, as findings. */
export async function llmFindings(
  context: ComponentContext,
  documents: Document[],
  fields: { name: string; description: string }[],
): Promise<Finding[]> {
  const allowed = new Set(fields.map((f) => f.name));
  const records = await llmRecords(context, documents, {
    instruction: `Extract these fields, one record per value: ${fields.map((f) => `${f.name} (${f.description})`).join('; ')}.`,
    item: { field: z.string(), value: z.string() },
  });
  return records.flatMap(({ item, evidence, document }) =>
    allowed.has(item.field) && item.value.trim()
      ? [{ field: item.field, value: item.value.trim(), evidence, document }]
      : [],
  );
}
