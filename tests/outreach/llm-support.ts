import { afterEach } from 'vitest';
import type { Fact } from '../../src/core/intel/domain';
import { OutreachService } from '../../src/core/outreach/outreach-service';
import { draftingLlm } from '../../src/core/outreach/compose/drafting-llm';
import { MemorySecretStore } from '../support/memory-secrets';
import { testServices } from '../support/services';
import {
  FAKE_ANTHROPIC_KEY,
  FAKE_OPENAI_KEY,
  startFakeAnthropic,
  startFakeOpenAi,
  type FakeLlm,
  type ModelReply,
  type ModelRequest,
  messageText,
  promptDocuments,
} from '../support/providers/fake-llm';
import { NOW, sender } from '../fixtures/outreach/facts';
import { insertCompany, seedImport } from '../fixtures/outreach/seed';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

/** Both wire formats drafting speaks: an OpenAI-compatible server and Anthropic's Messages API, on loopback. */
export const LLM_PROVIDERS = [
  {
    name: 'OpenAI-compatible',
    id: 'openai',
    key: FAKE_OPENAI_KEY,
    start: startFakeOpenAi,
    env: (url: string) => ({ OPENAI_BASE_URL: `${url}/v1` }),
  },
  {
    name: 'Anthropic',
    id: 'anthropic',
    key: FAKE_ANTHROPIC_KEY,
    start: startFakeAnthropic,
    env: (url: string) => ({ ANTHROPIC_BASE_URL: url }),
  },
] as const;

export type LlmProvider = (typeof LLM_PROVIDERS)[number];

/**
 * Real services and the app's own LLM selection (`draftingLlm` over settings and keys) against a fake
 * model server; two leads at Acme, whose company has `facts`: Jane (VP of Sales, the one most tests draft) and Raj.
 */
export async function llmDrafting(
  provider: LlmProvider,
  facts: Fact[],
  model: (request: ModelRequest) => ModelReply,
  rateLimit?: { requestsPerMinute: number; burst: number },
) {
  const server: FakeLlm = await provider.start({ model });
  const secrets = new MemorySecretStore();
  await secrets.set(provider.id, provider.key);
  const services = testServices({ secrets, env: provider.env(server.baseUrl) });
  if (rateLimit) services.settings.update({ rateLimits: { [provider.id]: rateLimit } } as SettingsPatch);
  const acme = insertCompany(services.db, 'Acme', 'acme.example');
  const outreach = new OutreachService({
    db: services.db,
    sender: () => sender,
    companyFacts: () => new Map([[acme, facts]]),
    llm: (picked) => draftingLlm(services.effectiveSettings(), secrets, services.gateway(), picked),
    now: () => NOW,
  });
  const { leadIds } = seedImport(services.db, [
    {
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'jane@acme.example',
      title: 'VP of Sales',
      company: 'Acme',
      companyId: acme,
    },
    {
      firstName: 'Raj',
      lastName: 'Patel',
      email: 'raj@acme.example',
      title: 'Head of Finance',
      company: 'Acme',
      companyId: acme,
    },
  ]);
  return {
    server,
    services,
    secrets,
    outreach,
    /** Jane's lead (the tests' one), and both. */
    leadId: leadIds[0]!,
    leadIds,
    /** Why the lead's latest draft came from the template although the LLM was asked (its activity), if it did. */
    llmFallbackOf: (leadId: number) => {
      const drafted = services.leads
        .getLead(leadId)
        .activities.filter((a) => a.kind === 'drafted' || a.kind === 'draft_regenerated')
        .at(-1);
      return (drafted?.detail as { llmFallback?: string } | undefined)?.llmFallback ?? null;
    },
    /** What the model was sent, as it saw it. */
    requests: () =>
      server.calls().map((call) => {
        const body = call.body as { system?: unknown; messages: { role: string; content: unknown }[] };
        return {
          system: messageText(body.system ?? body.messages.find((m) => m.role === 'system')?.content),
          user: messageText(body.messages.filter((m) => m.role === 'user').at(-1)!.content),
        };
      }),
    async close() {
      services.close();
      await server.close();
    },
  };
}

export type LlmDrafting = Awaited<ReturnType<typeof llmDrafting>>;

/**
 * Opens `llmDrafting` for the test that calls it and closes it after that test (registers the `afterEach`
 * of the suite it is called in): `const open = llmDraftingPerTest(); const harness = await open(...)`.
 */
export function llmDraftingPerTest(): (...args: Parameters<typeof llmDrafting>) => Promise<LlmDrafting> {
  let harness: LlmDrafting | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  return async (...args) => (harness = await llmDrafting(...args));
}

/** A type, not an interface: a model's reply is any JSON object. */
export type WrittenDraft = { subject: string; body: string; factIds: number[] };

/**
 * A model that writes Jane a good draft from the funding document it was sent (congratulations, her role,
 * the sender's offer, a call), or, through `change`, something else.
 */
export function congratulatingWriter(change: (draft: WrittenDraft) => ModelReply = (draft) => draft) {
  return ({ user }: ModelRequest): ModelReply => {
    const fundingDoc = promptDocuments(user).find((d) => d.text.includes('raised'))!;
    return change({
      subject: 'Congrats on the Series B, Jane',
      body: `Hi Jane,\n\nCongratulations: ${fundingDoc.text}. As VP of Sales at Acme, you are probably planning what comes next.\n\n${sender.valueProposition}.\n\nWould a short call next week help?\n\n${sender.signature}`,
      factIds: [fundingDoc.index],
    });
  };
}

/** The draft with a link to the sender's calendar before its closing question. */
export function withLink(draft: WrittenDraft): WrittenDraft {
  return {
    ...draft,
    body: draft.body.replace('Would a short call', 'Book at https://cal.example/sam. Would a short call'),
  };
}
