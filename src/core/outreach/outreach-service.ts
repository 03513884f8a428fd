import fs from 'node:fs';
import path from 'node:path';
import type { Fact } from '../intel/domain';
import type { Db } from '../store/database';
import type { SenderProfile } from '../settings/schema';
import { UserFacingError } from '../errors';
import { writeCsvFile } from '../export/csv';
import { writingExport } from '../export/write-error';
import type { ComposedDraft, Draft, DraftLength, DraftStatus, Tone } from './draft-schema';
import type { GroundingFact } from './compose/grounding-fact';
import type { LeadProfile } from './compose/draft-context';
import { DraftStore, type DraftListFilter, type DraftSource, type HeldBackLead } from './review/draft-store';
import { TemplateStore } from './compose/template-store';
import { DEFAULT_TEMPLATE } from './compose/builtin-templates';
import { leadProfiles } from './compose/lead-profiles';
import { leadIdsOfImport } from '../leads/query/lead-queries';
import { toGroundingFacts } from './compose/fact-grounding';
import { latestFactsByCompany } from './compose/company-facts';
import { composeFromTemplate } from './compose/template-generator';
import { requireSenderProfile } from './compose/sender-check';
import { holdBackReason } from './compose/hold-back';
import { composeWithLlm, type StructuredCompletion } from './compose/llm-generator';
import type { DraftingModel } from '../providers/llm-choice';
import { lintDraft } from './review/lint';
import { draftToEml, emlFileName } from './export/eml';
import { mailMergeHeaders, mailMergeRow, type MailMergeFormat } from './export/mail-merge';

export interface OutreachServiceOptions {
  db: Db;
  sender: () => SenderProfile;
  /**
   * The facts of companies' latest reports, many at once (default: read from the stored reports, see
   * `company-facts.ts`). A company without facts may be left out of the map.
   */
  companyFacts?: (companyIds: readonly number[]) => Map<number, Fact[]>;
  /** The LLM (the one picked, else the first ready), when one is configured; drafting works without it. */
  llm?: (picked?: DraftingModel) => Promise<StructuredCompletion | null>;
  now?: () => Date;
}

export interface DraftOptions {
  template?: string;
  llm?: boolean;
  /** Which provider and model write when `llm` (default: the first ready provider with its settings' model). */
  model?: DraftingModel;
  tone?: Tone;
  length?: DraftLength;
  /** Write leads' drafts again even when they already have one (the old words are kept as a revision). */
  regenerate?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface DraftRunResult {
  draftIds: number[];
  drafted: number;
  /** Leads that already had a draft and were left alone. */
  skipped: number;
  /** LLM drafts that were rejected by the checks and written from the template instead. */
  llmFallbacks: number;
  /** Leads that got no draft, each with the reason (also on the lead's timeline). */
  heldBack: HeldBackLead[];
}

/** Which drafts an export covers: approved (and already copied) drafts, optionally of one import. */
export interface ExportFilter {
  importId?: number;
  ids?: readonly number[];
}

const EXPORTABLE: readonly DraftStatus[] = ['approved', 'copied'];
const CHUNK = 500;

/** Writing, reviewing and exporting outreach drafts. */
export class OutreachService {
  readonly templates: TemplateStore;
  readonly drafts: DraftStore;
  private readonly now: () => Date;

  constructor(private readonly options: OutreachServiceOptions) {
    this.templates = new TemplateStore(options.db);
    this.drafts = new DraftStore(options.db);
    this.now = options.now ?? (() => new Date());
  }

  draftImport(importId: number, options: DraftOptions = {}): Promise<DraftRunResult> {
    const leadIds = leadIdsOfImport(this.options.db, importId);
    if (leadIds.length === 0)
      throw new UserFacingError(
        'import_empty',
        `Import ${importId} has no leads (unknown import, or everything was rejected or undone).`,
      );
    return this.draftLeads(leadIds, options);
  }

  /** One draft per lead. Leads that have one keep it unless `regenerate`. */
  async draftLeads(leadIds: readonly number[], options: DraftOptions = {}): Promise<DraftRunResult> {
    const sender = this.options.sender();
    requireSenderProfile(sender);
    const template = this.templates.get(options.template ?? DEFAULT_TEMPLATE);
    const complete = options.llm ? await this.requireLlm(options.model) : null;
    const existing = this.drafts.leadsWithDrafts(leadIds);
    const todo = options.regenerate ? [...leadIds] : leadIds.filter((id) => !existing.has(id));
    const result: DraftRunResult = {
      draftIds: [],
      drafted: 0,
      skipped: leadIds.length - todo.length,
      llmFallbacks: 0,
      heldBack: [],
    };
    const factsByCompany = new Map<number, GroundingFact[]>();
    const now = this.now();

    for (let start = 0; start < todo.length; start += CHUNK) {
      options.signal?.throwIfAborted();
      const leads = leadProfiles(this.options.db, todo.slice(start, start + CHUNK));
      this.loadFacts(leads, factsByCompany);
      const composed: { leadId: number; composed: ComposedDraft }[] = [];
      const heldBack: HeldBackLead[] = [];
      for (const lead of leads) {
        const context = {
          lead,
          sender,
          facts: lead.companyId === null ? [] : factsByCompany.get(lead.companyId)!,
          now,
        };
        const reason = holdBackReason(context);
        if (reason) {
          heldBack.push({ leadId: lead.leadId, reason });
          continue;
        }
        const fromLlm = complete
          ? await composeWithLlm(context, complete, {
              tone: options.tone ?? 'friendly',
              length: options.length ?? 'medium',
              signal: options.signal,
            })
          : null;
        if (fromLlm?.ok) {
          composed.push({ leadId: lead.leadId, composed: fromLlm.draft });
          continue;
        }
        if (fromLlm) result.llmFallbacks += 1;
        composed.push({
          leadId: lead.leadId,
          composed: {
            ...composeFromTemplate(context, template, options.length),
            ...(fromLlm && { llmFallback: fromLlm.reason }),
          },
        });
      }
      result.draftIds.push(...this.drafts.saveMany(composed));
      this.drafts.recordHeldBack(heldBack);
      result.heldBack.push(...heldBack);
      result.drafted += composed.length;
      options.onProgress?.({ done: Math.min(start + CHUNK, todo.length), total: todo.length });
    }
    return result;
  }

  /** Writes drafts again (their leads' current facts and the chosen template or LLM); old words become revisions. */
  async regenerate(draftIds: readonly number[], options: DraftOptions = {}): Promise<Draft[]> {
    const leadIds = draftIds.map((id) => this.drafts.get(id).leadId);
    await this.draftLeads(leadIds, { ...options, regenerate: true });
    return draftIds.map((id) => this.drafts.get(id));
  }

  /** The analyst's edit, linted again against the facts the draft lists. */
  edit(id: number, words: { subject: string; body: string }): Draft {
    const draft = this.drafts.get(id);
    const [lead] = leadProfiles(this.options.db, [draft.leadId]);
    if (!lead) throw new UserFacingError('lead_not_found', `The lead of draft ${id} no longer exists.`);
    const lint = lintDraft({ ...words, facts: draft.facts, lead, sender: this.options.sender(), now: this.now() });
    return this.drafts.edit(id, words, lint);
  }

  /** A draft with the stored sources of its facts and its earlier versions: what the review screen shows. */
  detail(id: number): { draft: Draft; sources: DraftSource[]; revisions: ReturnType<DraftStore['revisions']> } {
    const draft = this.drafts.get(id);
    return {
      draft,
      sources: this.drafts.sources([...new Set(draft.facts.map((f) => f.sourceUrl))]),
      revisions: this.drafts.revisions(id),
    };
  }

  approve(ids: readonly number[]): Draft[] {
    return this.drafts.setStatus(ids, 'approved');
  }

  reject(ids: readonly number[]): Draft[] {
    return this.drafts.setStatus(ids, 'rejected');
  }

  markCopied(ids: readonly number[]): Draft[] {
    return this.drafts.setStatus(ids, 'copied');
  }

  list(filter: DraftListFilter = {}): Draft[] {
    return this.drafts.list(filter);
  }

  async exportCsv(file: string, filter: ExportFilter = {}): Promise<{ file: string; drafts: number }> {
    const drafts = this.exportable(filter);
    await writeCsvFile(
      file,
      ['draft_id', 'lead_id', 'status', 'to_email', 'to_name', 'company', 'subject', 'body', 'fact_ids', 'sources'],
      drafts.map((d) => [
        d.id,
        d.leadId,
        d.status,
        d.to,
        d.toName,
        d.company,
        d.subject,
        d.body,
        d.facts.map((f) => f.id).join(' '),
        [...new Set(d.facts.map((f) => f.sourceUrl))].join(' '),
      ]),
    );
    this.drafts.recordExport(
      drafts.map((d) => d.id),
      'csv',
    );
    return { file, drafts: drafts.length };
  }

  async exportMailMerge(
    file: string,
    format: MailMergeFormat,
    filter: ExportFilter = {},
  ): Promise<{ file: string; drafts: number }> {
    const drafts = this.exportable(filter);
    const leads = new Map(
      leadProfiles(
        this.options.db,
        drafts.map((d) => d.leadId),
      ).map((lead) => [lead.leadId, lead]),
    );
    await writeCsvFile(
      file,
      mailMergeHeaders(format),
      drafts.map((draft) => {
        const lead = leads.get(draft.leadId);
        return mailMergeRow({
          draft,
          firstName: lead?.firstName ?? '',
          lastName: lead?.lastName ?? '',
          title: lead?.title ?? '',
        });
      }),
    );
    this.drafts.recordExport(
      drafts.map((d) => d.id),
      format,
    );
    return { file, drafts: drafts.length };
  }

  /** One `.eml` per approved draft in `dir`; returns the files written. */
  async exportEml(dir: string, filter: ExportFilter = {}): Promise<{ dir: string; files: string[] }> {
    const drafts = this.exportable(filter);
    const sender = this.options.sender();
    await writingExport(dir, fs.promises.mkdir(dir, { recursive: true }));
    const files: string[] = [];
    for (const draft of drafts) {
      const file = path.join(dir, emlFileName(draft));
      await writingExport(file, fs.promises.writeFile(file, await draftToEml(draft, sender, this.now())));
      files.push(file);
    }
    this.drafts.recordExport(
      drafts.map((d) => d.id),
      'eml',
    );
    return { dir, files };
  }

  private exportable(filter: ExportFilter): Draft[] {
    const drafts = filter.ids
      ? filter.ids.map((id) => this.drafts.get(id))
      : this.drafts.list({ importId: filter.importId });
    const notApproved = filter.ids ? drafts.filter((d) => !EXPORTABLE.includes(d.status)) : [];
    if (notApproved.length)
      throw new UserFacingError(
        'not_approved',
        `Only approved drafts are exported; not approved: ${notApproved.map((d) => d.id).join(', ')}.`,
      );
    return drafts.filter((d) => EXPORTABLE.includes(d.status));
  }

  /** Reads the facts of the leads' companies not read yet in this run: each company once, in one query. */
  private loadFacts(leads: readonly LeadProfile[], cache: Map<number, GroundingFact[]>): void {
    const missing = new Map<number, string>();
    for (const lead of leads)
      if (lead.companyId !== null && !cache.has(lead.companyId)) missing.set(lead.companyId, lead.company);
    if (missing.size === 0) return;
    const read = this.options.companyFacts ?? ((ids) => latestFactsByCompany(this.options.db, ids));
    const facts = read([...missing.keys()]);
    for (const [companyId, companyName] of missing)
      cache.set(companyId, toGroundingFacts(facts.get(companyId) ?? [], companyName));
  }

  private async requireLlm(picked?: DraftingModel): Promise<StructuredCompletion> {
    const complete = await this.options.llm?.(picked);
    if (!complete && picked)
      throw new UserFacingError(
        'no_llm',
        `${picked.provider} cannot draft: it needs to be turned on, with a model and an API key, under Settings.`,
      );
    if (!complete)
      throw new UserFacingError(
        'no_llm',
        'No LLM is configured: set an OpenAI, Anthropic or Groq key (crm-intel keys set ...), or draft from a template.',
      );
    return complete;
  }
}
