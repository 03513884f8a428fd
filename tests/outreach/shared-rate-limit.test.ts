import { afterEach, describe, expect, it } from 'vitest';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import { draftingLlm } from '../../src/core/outreach/compose/drafting-llm';
import { DRAFTING_SYSTEM_PROMPT } from '../../src/core/outreach/compose/llm-generator';
import {
  FAKE_OPENAI_KEY,
  openAiError,
  promptDocuments,
  startFakeOpenAi,
  type FakeLlm,
  type LlmFault,
  type ModelRequest,
} from '../support/providers/fake-llm';
import type { RecordedRequest } from '../support/providers/http-server';
import { intelHarness } from '../intel/support';
import { acmeSeriesB, NOW, sender } from '../fixtures/outreach/facts';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';
import { waitFor } from '../enrichment/support';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const funding = acmeSeriesB();

/** A model that drafts a grounded email for whichever lead the prompt names, and extracts nothing for lookups. */
function model({ system, user }: ModelRequest) {
  if (system !== DRAFTING_SYSTEM_PROMPT) return { records: [] };
  const lead = JSON.parse(/^Lead: (.*)$/m.exec(user)![1]!) as { firstName: string; title: string; company: string };
  const fundingDoc = promptDocuments(user).find((d) => d.text.includes('raised'))!;
  return {
    subject: `Congrats on the Series B, ${lead.firstName}`,
    body: `Hi ${lead.firstName},\n\nCongratulations: ${fundingDoc.text}. As ${lead.title} at ${lead.company}, you are probably planning what comes next.\n\n${sender.valueProposition}.\n\nWould a short call next week help?\n\n${sender.signature}`,
    factIds: [fundingDoc.index],
  };
}

const isDraftCall = (call: RecordedRequest) =>
  (call.body as { messages: { role: string; content: string }[] }).messages[0]!.content === DRAFTING_SYSTEM_PROMPT;

/**
 * How far the busiest stretch of calls went over what a token bucket allows: in any window from call i to
 * call j, at most `burst + rate × window` calls. Arrival times carry HTTP jitter, so the tests allow one call over.
 */
function worstExcess(times: number[], limit: { requestsPerMinute: number; burst: number }): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length; j++) {
      worst = Math.max(
        worst,
        j - i + 1 - (limit.burst + (limit.requestsPerMinute * (sorted[j]! - sorted[i]!)) / 60_000),
      );
    }
  }
  return worst;
}

/**
 * Real services (their one provider gateway) with Tavily and OpenAI on loopback, OpenAI's limit set to
 * `rateLimit`, and drafting wired as the app wires it: `draftingLlm` over the services' gateway.
 */
async function harness(options: {
  rateLimit: { requestsPerMinute: number; burst: number };
  faults?: LlmFault[];
  leads: number;
}) {
  const openai: FakeLlm = await startFakeOpenAi({ model, faults: options.faults });
  closers.push(() => openai.close());
  const intel = await intelHarness({
    llm: { provider: 'openai', baseUrl: `${openai.baseUrl}/v1`, key: FAKE_OPENAI_KEY },
    settings: { rateLimits: { openai: options.rateLimit }, intel: { retries: 3, retryBaseMs: 5 } } as SettingsPatch,
  });
  closers.push(() => intel.close());
  const { services, secrets } = intel;
  const acme = insertCompany(services.db, 'Acme', 'acme.example');
  const outreach = new OutreachService({
    db: services.db,
    sender: () => sender,
    companyFacts: () => new Map([[acme, [funding]]]),
    llm: () => draftingLlm(services.effectiveSettings(), secrets, services.gateway()),
    now: () => NOW,
  });
  const titles = ['VP of Sales', 'Head of Finance', 'Chief Operating Officer'];
  const { leadIds } = seedImport(
    services.db,
    Array.from({ length: options.leads }, (_, i) => ({
      firstName: `Lee${String.fromCharCode(97 + i)}`,
      lastName: 'Doe',
      email: `lee${i}@acme.example`,
      title: titles[i % titles.length]!,
      company: 'Acme',
      companyId: acme,
    })),
  );
  return { openai, services, outreach, leadIds };
}

describe('LLM drafting shares the provider gateway: its rate limit and its retries', () => {
  it.each([
    [
      'a 429 storm with Retry-After',
      openAiError(429, 'Rate limit reached for requests', 'requests', 'rate_limit_exceeded', { 'retry-after': '0.05' }),
    ],
    ['a run of 503s', openAiError(503, 'The server is overloaded or not ready yet.', 'server_error', null)],
  ])('waits out %s and still drafts every lead with the LLM, within the rate limit', async (_case, fault) => {
    const rateLimit = { requestsPerMinute: 600, burst: 1 };
    const h = await harness({ rateLimit, faults: [{ ...fault, times: 3 }], leads: 3 });
    const result = await h.outreach.draftLeads(h.leadIds, { llm: true });
    expect(result).toMatchObject({ drafted: 3, llmFallbacks: 0 });
    expect(h.outreach.list().map((d) => d.generator)).toEqual(['llm', 'llm', 'llm']);
    // Three refusals, then the first lead's fourth attempt and one call for each other lead.
    const calls = h.openai.calls();
    expect(calls).toHaveLength(6);
    expect(
      worstExcess(
        calls.map((c) => c.receivedAt),
        rateLimit,
      ),
    ).toBeLessThanOrEqual(1);
    const retryAfterMs = Number(fault.headers?.['retry-after'] ?? 0) * 1000;
    // Each retry came no sooner than the server asked (2 ms of timer slack).
    for (let i = 1; i <= 3; i++)
      expect(calls[i]!.receivedAt - calls[i - 1]!.receivedAt).toBeGreaterThanOrEqual(retryAfterMs - 2);
  });

  it('gives the lead the template draft only once the retries are spent, and goes on with the next lead', async () => {
    const h = await harness({
      rateLimit: { requestsPerMinute: 60_000, burst: 10 },
      faults: [
        {
          ...openAiError(429, 'Rate limit reached', 'requests', 'rate_limit_exceeded', { 'retry-after': '0.01' }),
          times: 4,
        },
      ],
      leads: 2,
    });
    const result = await h.outreach.draftLeads(h.leadIds, { llm: true });
    expect(result).toMatchObject({ drafted: 2, llmFallbacks: 1 });
    const byLead = new Map(h.outreach.list().map((d) => [d.leadId, d.generator]));
    expect([byLead.get(h.leadIds[0]!), byLead.get(h.leadIds[1]!)]).toEqual(['template', 'llm']);
    const llmFallbacks = h.leadIds.map(
      (id) =>
        (h.services.leads.getLead(id).activities.find((a) => a.kind === 'drafted')?.detail as { llmFallback?: string })
          .llmFallback ?? null,
    );
    expect(llmFallbacks).toEqual(['openai was still rate limited (429) after every retry', null]);
    // 1 try + 3 retries (settings' intel.retries) for the first lead, one call for the second.
    expect(h.openai.calls()).toHaveLength(5);
  });

  it('a lookup and a drafting run at the same time share one budget at the provider', async () => {
    const rateLimit = { requestsPerMinute: 300, burst: 1 };
    const h = await harness({ rateLimit, leads: 6 });
    const [report, drafted] = await Promise.all([
      h.services.intel.lookup('Lumora Analytics', { workflow: 'comprehensive' }),
      h.outreach.draftLeads(h.leadIds, { llm: true }),
    ]);
    expect(report.run.status).not.toBe('failed');
    expect(drafted).toMatchObject({ drafted: 6, llmFallbacks: 0 });
    const calls = h.openai.calls();
    const drafts = calls.filter(isDraftCall);
    const extractions = calls.filter((c) => !isDraftCall(c));
    expect(drafts).toHaveLength(6);
    expect(extractions.length).toBeGreaterThan(1);
    // They ran interleaved, and together never beyond the one limit (two buckets would allow twice as many).
    const [firstDraft, lastDraft] = [drafts[0]!.receivedAt, drafts.at(-1)!.receivedAt];
    expect(extractions.some((c) => c.receivedAt > firstDraft && c.receivedAt < lastDraft)).toBe(true);
    expect(
      worstExcess(
        calls.map((c) => c.receivedAt),
        rateLimit,
      ),
    ).toBeLessThanOrEqual(1);
  });

  it('cancelling during a Retry-After wait ends the run at once, with no more calls and no template drafts', async () => {
    const h = await harness({
      rateLimit: { requestsPerMinute: 60_000, burst: 10 },
      faults: [openAiError(429, 'Rate limit reached', 'requests', 'rate_limit_exceeded', { 'retry-after': '30' })],
      leads: 2,
    });
    const controller = new AbortController();
    const run = h.outreach.draftLeads(h.leadIds, { llm: true, signal: controller.signal });
    await waitFor(() => h.openai.calls().length === 1);
    controller.abort();
    // A 30 s wait that did not end on abort would time the test out.
    await expect(run).rejects.toThrow();
    expect(h.openai.calls()).toHaveLength(1);
    expect(h.outreach.list()).toEqual([]);
  });
});
