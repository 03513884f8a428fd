import { describe, expect, it } from 'vitest';
import { acmeSeriesB } from '../fixtures/outreach/facts';
import { LLM_PROVIDERS, congratulatingWriter, llmDraftingPerTest, withLink } from './llm-support';
import { draftingProviders } from '../../src/core/providers/llm-choice';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

const open = llmDraftingPerTest();
const funding = acmeSeriesB();

/** A model that writes a grounded draft, with a link in it while `withLink` is set. */
function writer(state: { withLink: boolean }) {
  return congratulatingWriter((draft) => (state.withLink ? withLink(draft) : draft));
}

describe.each(LLM_PROVIDERS)('drafting with the model, tone and length picked ($name)', (provider) => {
  it('sends the picked model and brief, and keeps on the draft why it fell back to the template', async () => {
    const state = { withLink: true };
    const harness = await open(provider, [funding], writer(state));
    const picked = { llm: true, model: { provider: provider.id, model: 'house-model-2' } } as const;
    const result = await harness.outreach.draftLeads([harness.leadId], { ...picked, tone: 'formal', length: 'short' });
    expect(result).toMatchObject({ drafted: 1, llmFallbacks: 1 });
    const call = harness.server.calls()[0]!;
    expect((call.body as { model: string }).model).toBe('house-model-2');
    const [request] = harness.requests();
    expect(request!.user).toContain('Tone: polite and professional, no slang. Body at most 90 words');

    const [fallback] = harness.outreach.list();
    expect(fallback).toMatchObject({ generator: 'template', llmFallback: 'the LLM wrote a link, domain or address' });

    state.withLink = false;
    const [again] = await harness.outreach.regenerate([fallback!.id], picked);
    expect(again).toMatchObject({ generator: 'llm', llmFallback: null });
    expect(harness.server.calls().map((c) => (c.body as { model: string }).model)).toEqual([
      'house-model-2',
      'house-model-2',
    ]);
  });
});

describe('drafting providers offered in the app', () => {
  it('lists each LLM provider with its settings model or what it lacks, and refuses to draft with one that is not ready', async () => {
    const harness = await open(LLM_PROVIDERS[0], [funding], writer({ withLink: false }));
    const anthropic = { ...harness.services.settings.read().providers.anthropic, enabled: false };
    harness.services.settings.update({ providers: { anthropic } } as SettingsPatch);
    const providers = await draftingProviders(harness.services.effectiveSettings(), harness.secrets);
    expect(providers).toEqual([
      { id: 'openai', label: 'OpenAI-compatible', model: expect.any(String), problem: null },
      { id: 'anthropic', label: expect.any(String), model: expect.any(String), problem: 'turned off in Settings' },
      {
        id: 'groq',
        label: expect.any(String),
        model: expect.any(String),
        problem: 'no API key: add one under Settings',
      },
    ]);
    expect(providers[0]!.model).toBe(harness.services.effectiveSettings().providers.openai.model);
    await expect(
      harness.outreach.draftLeads([harness.leadId], { llm: true, model: { provider: 'groq' } }),
    ).rejects.toMatchObject({ code: 'no_llm', message: expect.stringMatching(/^groq cannot draft/) });
    expect(harness.server.calls()).toEqual([]);
  });
});
