import type { Command } from 'commander';
import type { CliContext } from '../context';
import { oneOf } from './arguments';
import { lengthSchema, toneSchema, type Draft, type DraftLength, type Tone } from '../../core/outreach/draft-schema';
import type { DraftRunResult } from '../../core/outreach/outreach-service';
import { LLM_PROVIDER_IDS, type LlmProviderId } from '../../core/providers/registry';

export interface DraftCommandOptions {
  template?: string;
  llm?: boolean;
  llmProvider?: LlmProviderId;
  model?: string;
  tone?: Tone;
  length?: DraftLength;
  regenerate?: boolean;
}

/** A draft as the command line prints it (`--json`). */
export function publicDraft(draft: Draft) {
  return {
    id: draft.id,
    leadId: draft.leadId,
    to: draft.to,
    status: draft.status,
    subject: draft.subject,
    body: draft.body,
    facts: draft.facts.map(({ id, text, sourceUrl }) => ({ id, text, sourceUrl })),
    lint: draft.lint,
  };
}

/** What a draft cannot do without: who writes, from where, how to reply, and why it matters (a signature is optional). */
const SENDER_FIELDS_DRAFTS_NEED = ['name', 'company', 'email', 'valueProposition'] as const;

/** Drafts every lead of an import, warning first when the sender profile would make them thin. */
export async function draftImport(
  context: CliContext,
  importId: number,
  options: DraftCommandOptions,
): Promise<DraftRunResult & { drafts: Draft[] }> {
  const services = await context.services();
  const { outreach } = services;
  const sender = services.settings.read().sender;
  const missing = SENDER_FIELDS_DRAFTS_NEED.filter((field) => !sender[field]).map((field) => `sender.${field}`);
  if (missing.length > 0) {
    context.progress(
      `Note: the sender profile lacks ${missing.join(', ')}; drafts will be thin until it is filled in (crm-intel settings set ${missing[0]} "...").`,
    );
  }
  const { llmProvider, model, ...rest } = options;
  const result = await outreach.draftImport(importId, {
    ...rest,
    model: llmProvider && { provider: llmProvider, model },
    onProgress: (p) => context.progress(`${p.done}/${p.total} drafts`),
  });
  return { ...result, drafts: outreach.list({ importId }) };
}

/** A draft as the command line prints it for people: words, numbered facts with sources, lint warnings. */
export function describeDraft(draft: Draft): string {
  const lines = [
    `#${draft.id} [${draft.status}] to ${draft.toName || '?'} <${draft.to ?? 'no email'}> (${draft.company})`,
    `Subject: ${draft.subject}`,
    '',
    draft.body,
    '',
  ];
  if (draft.llmFallback) lines.push(`Written from the template instead of the LLM: ${draft.llmFallback}.`);
  draft.facts.forEach((fact, i) => lines.push(`[${i + 1}] ${fact.text} (${fact.sourceUrl})`));
  for (const warning of draft.lint)
    lines.push(`warning ${warning.rule} in ${warning.field} ${warning.start}-${warning.end}: ${warning.message}`);
  return lines.join('\n');
}

/** The options `draft` and `process` share: how the drafts are written. */
export const draftOptions = (command: Command) =>
  command
    .option('--template <name>', 'template to write with (default: why-now)')
    .option('--llm', 'write with the configured LLM (checked against the facts; falls back to the template)')
    .option(
      '--llm-provider <id>',
      `with --llm: ${LLM_PROVIDER_IDS.join('|')} (default: the first with a model and a key)`,
      oneOf(LLM_PROVIDER_IDS, 'LLM provider'),
    )
    .option('--model <name>', "with --llm-provider: a model other than the provider's in settings")
    .option('--tone <tone>', toneSchema.options.join('|'), oneOf(toneSchema.options, 'tone'))
    .option('--length <length>', lengthSchema.options.join('|'), oneOf(lengthSchema.options, 'length'));
