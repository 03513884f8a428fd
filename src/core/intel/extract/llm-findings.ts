import { z } from 'zod';
import type { ComponentContext, Document } from '../component';
import { usableSentences } from '../relevance';
import { StepFailure } from '../../orchestrator/run-graph';
import type { Finding } from './finding';

const llmFindingsSchema = z.object({
  facts: z.array(z.object({ field: z.string(), value: z.string(), evidence: z.string(), document: z.number().int() })),
});

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Field values read by the configured LLM. The model sees only usable sentences (planted instructions and
 * namesake sentences removed), and an answer is kept only when its evidence is quoted from the document it
 * cites: a value the model made up, or read from an instruction, cannot pass.
 */
export async function llmFindings(context: ComponentContext, documents: Document[], fields: { name: string; description: string }[]): Promise<Finding[]> {
  if (!context.llm || documents.length === 0) return [];
  const texts = documents.map((d, i) => ({ index: i + 1, title: d.title, text: usableSentences(d, context.target).join(' ') }));
  const result = await context.llm.extract(
    {
      instruction: `Company: ${context.target.name}${context.target.domain ? ` (${context.target.domain})` : ''}. Extract these fields: ${fields.map((f) => `${f.name} (${f.description})`).join('; ')}.`,
      documents: texts,
      schema: llmFindingsSchema,
      schemaName: 'record_facts',
    },
    { signal: context.signal },
  );
  if (!result.ok) throw new StepFailure(result.error);
  const allowed = new Set(fields.map((f) => f.name));
  return result.data.facts.flatMap((fact) => {
    const document = documents[fact.document - 1];
    const text = texts[fact.document - 1]?.text ?? '';
    if (!document || !allowed.has(fact.field) || !fact.value.trim() || !squash(text).includes(squash(fact.evidence))) return [];
    return [{ field: fact.field, value: fact.value.trim(), evidence: fact.evidence.trim(), document }];
  });
}
