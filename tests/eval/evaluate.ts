import { createAppServices } from '../../src/core/services/app-services';
import { openConfBackend } from '../../src/core/settings/conf-backend';
import type { CompanyReport } from '../../src/core/intel/domain';
import type { SettingsPatch } from '../../src/core/settings/settings-service';
import { MemorySecretStore } from '../support/memory-secrets';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAKE_TAVILY_KEY, startFakeTavily } from '../support/providers/fake-tavily';
import { loadRealworldSet, realworldCorpus, type EvalCompany } from './realworld-set';
import { scoreReport, type CompanyScore } from './score';

/** An LLM to extract with instead of the deterministic extractors: any OpenAI-compatible or Anthropic endpoint. */
export interface EvalLlm {
  provider: 'openai' | 'anthropic' | 'groq';
  baseUrl: string;
  model: string;
  /** Absent for a local model (Ollama, LM Studio) on a loopback address. */
  apiKey?: string;
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Looks the company up as an analyst would: the typed query, then, when the name means several companies,
 * the candidate the file's `pick` names. Returns the report, or why the lookup did not reach the company.
 */
async function lookUp(
  intel: ReturnType<typeof createAppServices>['intel'],
  company: EvalCompany,
): Promise<{ report: CompanyReport | null; error: string | null }> {
  const first = await intel.lookup(company.query, { workflow: 'comprehensive' });
  if (first.candidates.length === 0 || first.companyId !== null) return { report: first, error: null };
  // As an analyst reads a candidate: its name, else its site ("Apollo.io" is the candidate "Apollo", apollo.io).
  const wanted = normalise(company.pick ?? company.company);
  const site = (domain: string | null) => normalise(domain ?? '');
  const candidate =
    first.candidates.find((c) => normalise(c.name) === wanted || site(c.domain) === wanted) ??
    first.candidates.find(
      (c) =>
        site(c.domain).startsWith(wanted.replace(/ /g, '')) ||
        normalise(c.name).includes(wanted) ||
        wanted.includes(normalise(c.name)),
    );
  if (!candidate)
    return {
      report: null,
      error: `no candidate for "${company.pick ?? company.company}" among ${first.candidates.map((c) => c.name).join(', ')}`,
    };
  return {
    report: await intel.lookup(company.query, { workflow: 'comprehensive', pick: candidate.index }),
    error: null,
  };
}

/** The day after the newest page of the set was published. */
function replayDate(companies: EvalCompany[]): number {
  const newest = companies
    .flatMap((c) => c.passages.map((p) => p.published_date ?? ''))
    .reduce((max, date) => (date > max ? date : max), '');
  return Date.parse(newest) + 86_400_000;
}

/**
 * Runs a full comprehensive lookup per company of the real-text set, through the real services and a
 * loopback Tavily serving the whole set as one search index, and scores each report.
 */
export async function evaluateRealworld(
  options: { llm?: EvalLlm; only?: (company: EvalCompany) => boolean } = {},
): Promise<{ scores: CompanyScore[]; reports: Map<string, CompanyReport | null> }> {
  const companies = loadRealworldSet();
  const passages = new Map(companies.flatMap((c) => c.passages.map((p) => [p.url, p] as const)));
  const tavily = await startFakeTavily({ corpus: realworldCorpus(companies) });
  const secrets = new MemorySecretStore();
  await secrets.set('tavily', FAKE_TAVILY_KEY);
  const env: NodeJS.ProcessEnv = { TAVILY_BASE_URL: tavily.baseUrl };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-eval-'));
  const replayed = replayDate(companies);
  const services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets,
    env,
    // The set is replayed as of the day after its newest page, so a page's age (and the score) does not drift
    // with the calendar.
    clock: () => replayed,
  });
  const llm = options.llm;
  if (llm?.apiKey) await secrets.set(llm.provider, llm.apiKey);
  services.settings.update({
    // With a model, extraction is left on 'auto', as an analyst has it: the model is used when it can be reached.
    intel: { retryBaseMs: 10, extraction: llm ? 'auto' : 'deterministic', llmProvider: llm?.provider ?? 'openai' },
    // The search server is on loopback: Tavily's own limit would only make the run wait.
    rateLimits: { tavily: { requestsPerMinute: 100_000, burst: 100 } },
    ...(llm ? { providers: { [llm.provider]: { baseUrl: llm.baseUrl, model: llm.model, enabled: true } } } : {}),
  } as SettingsPatch);
  const scores: CompanyScore[] = [];
  const reports = new Map<string, CompanyReport | null>();
  try {
    for (const company of companies.filter(options.only ?? (() => true))) {
      const { report, error } = await lookUp(services.intel, company);
      reports.set(company.company, report);
      scores.push(scoreReport(company, report, error, passages));
    }
  } finally {
    services.close();
    await tavily.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { scores, reports };
}
