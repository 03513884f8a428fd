import { InvalidArgumentError, type Command } from 'commander';
import type { RegisterCommand } from './index';
import type { CliContext } from '../context';
import { lengthSchema, toneSchema, type Draft, type DraftLength, type Tone } from '../../core/outreach/draft-schema';
import type { DraftRunResult } from '../../core/outreach/outreach-service';

export function parseId(value: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new InvalidArgumentError(`"${value}" is not an id (a positive whole number)`);
  return id;
}

export interface DraftCommandOptions {
  template?: string;
  llm?: boolean;
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

export async function draftImport(context: CliContext, importId: number, options: DraftCommandOptions): Promise<DraftRunResult & { drafts: Draft[] }> {
  const services = await context.services();
  const { outreach } = services;
  const sender = services.settings.read().sender;
  const missing = SENDER_FIELDS_DRAFTS_NEED.filter((field) => !sender[field]).map((field) => `sender.${field}`);
  if (missing.length > 0) {
    context.progress(`Note: the sender profile lacks ${missing.join(', ')}; drafts will be thin until it is filled in (crm-intel settings set ${missing[0]} "...").`);
  }
  const result = await outreach.draftImport(importId, { ...options, onProgress: (p) => context.progress(`${p.done}/${p.total} drafts`) });
  return { ...result, drafts: outreach.list({ importId }) };
}

export function describeDraft(draft: Draft): string {
  const lines = [`#${draft.id} [${draft.status}] to ${draft.toName || '?'} <${draft.to ?? 'no email'}> (${draft.company})`, `Subject: ${draft.subject}`, '', draft.body, ''];
  draft.facts.forEach((fact, i) => lines.push(`[${i + 1}] ${fact.text} (${fact.sourceUrl})`));
  for (const warning of draft.lint) lines.push(`warning ${warning.rule} in ${warning.field} ${warning.start}-${warning.end}: ${warning.message}`);
  return lines.join('\n');
}

function enumOption<T extends string>(schema: { safeParse(v: string): { success: boolean; data?: T }; options: readonly T[] }, what: string) {
  return (value: string): T => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`unknown ${what} "${value}"; expected one of ${schema.options.join(', ')}`);
    return parsed.data as T;
  };
}

export const draftOptions = (command: Command) =>
  command
    .option('--template <name>', 'template to write with (default: why-now)')
    .option('--llm', 'write with the configured LLM (checked against the facts; falls back to the template)')
    .option('--tone <tone>', toneSchema.options.join('|'), enumOption(toneSchema, 'tone'))
    .option('--length <length>', lengthSchema.options.join('|'), enumOption(lengthSchema, 'length'));

export const registerDraft: RegisterCommand = (program, context) => {
  draftOptions(
    program
      .command('draft')
      .description('write one outreach draft per lead of an import, grounded in its company facts')
      .requiredOption('--import <id>', 'import id', parseId),
  )
    .option('--regenerate', 'write drafts again for leads that already have one (old words kept as revisions)')
    .action(async (options: DraftCommandOptions & { import: number }) => {
      const { import: importId, ...draftOptionsGiven } = options;
      const result = await draftImport(context, importId, draftOptionsGiven);
      context.print({ drafted: result.drafted, skipped: result.skipped, llmFallbacks: result.llmFallbacks, drafts: result.drafts.map(publicDraft) }, () =>
        [`Wrote ${result.drafted} drafts (${result.skipped} leads already had one${result.llmFallbacks ? `, ${result.llmFallbacks} LLM drafts replaced by the template` : ''}).`, 'Review them with: crm-intel drafts list'].join('\n'),
      );
    });
};
