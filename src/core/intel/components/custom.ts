import type { Settings } from '../../settings/schema';
import type { Component } from '../component';
import { relevantDocuments } from '../relevance';
import { usableSentences } from '../read/page';
import { groupValues, type Finding } from '../extract/finding';
import { llmFindings } from '../extract/llm-findings';
import { findingFacts } from './finding-facts';

export type CustomComponentSettings = Settings['intel']['customComponents'][number];

function fillTemplate(template: string, target: { name: string; domain: string | null }): string {
  return template.replace(/\{company\}/g, target.name).replace(/\{domain\}/g, target.domain ?? target.name);
}

/**
 * A component defined in settings: query templates with {company} and {domain}, and fields read either by
 * the LLM or, without one, by the field's regex `pattern` (first group = value) or its `keywords` (the
 * sentence is the value).
 */
export function customComponent(definition: CustomComponentSettings): Component {
  return {
    name: definition.name,
    section: 'custom',
    async run(context) {
      const { target } = context;
      const results = await Promise.all(
        definition.queries.map((q) =>
          context.search({ query: fillTemplate(q, target), maxResults: 6, includeRawContent: true }),
        ),
      );
      const documents = relevantDocuments(results.flat(), target);
      const findings: Finding[] = context.llm
        ? await llmFindings(
            context,
            documents,
            definition.fields.map((f) => ({ name: f.name, description: f.description || f.name })),
          )
        : documents.flatMap((document) =>
            usableSentences(document, target, context.read).flatMap((sentence) =>
              definition.fields.flatMap((field) => {
                const value = field.pattern
                  ? new RegExp(field.pattern, 'i').exec(sentence)?.[1]
                  : field.keywords.some((k) => sentence.toLowerCase().includes(k.toLowerCase()))
                    ? sentence
                    : undefined;
                return value ? [{ field: field.name, value, evidence: sentence, document }] : [];
              }),
            ),
          );
      const fields = Object.fromEntries(definition.fields.map((f) => [f.name, groupValues(findings, f.name)]));
      return {
        facts: findingFacts(findings, { section: 'custom', component: definition.name, confidence: 0.6 }),
        notFound: definition.fields
          .filter((f) => (fields[f.name] ?? []).length === 0)
          .map((f) => `${definition.name}.${f.name}`),
        apply(report) {
          report.custom = [
            ...report.custom.filter((c) => c.name !== definition.name),
            { name: definition.name, fields },
          ];
        },
      };
    },
  };
}
