import type { Settings } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';
import { isLoopbackUrl } from '../settings/loopback';
import { providerById } from './registry';
import { AiSdkExtractor, type LlmClientOptions, type StructuredExtractor } from './llm';

/** The LLM providers settings know of. */
export type LlmProviderId = Settings['intel']['llmProvider'];

/** Which LLM a feature uses, and the client that calls it. */
export interface LlmChoice {
  id: LlmProviderId;
  extractor: StructuredExtractor;
}

/** Drafting tries the providers in this order and takes the first one that is ready. */
const DRAFTING_PREFERENCE: readonly LlmProviderId[] = ['openai', 'anthropic', 'groq'];

/** The client for one provider: Anthropic and OpenAI have their own APIs; Groq and local models copy OpenAI's. */
export function llmClient(id: LlmProviderId, options: LlmClientOptions): StructuredExtractor {
  return new AiSdkExtractor(id, id === 'anthropic' || id === 'openai' ? id : 'openai-compatible', options);
}

/**
 * The LLM lookups extract with: `intel.llmProvider`, or none when extraction is deterministic, the provider
 * is disabled, or (in `auto`) it has no key. The LLM is optional: an unavailable keychain means no LLM, not a
 * failed lookup; a model on this machine (Ollama, LM Studio on a loopback address) needs no key.
 */
export async function extractionLlm(settings: Settings, secrets: SecretStore): Promise<LlmChoice | null> {
  const mode = settings.intel.extraction;
  if (mode === 'deterministic') return null;
  const id = settings.intel.llmProvider;
  const provider = settings.providers[id];
  const hasKey = await secrets.get(id).then(Boolean, () => false);
  if (!provider.enabled || (!hasKey && !isLoopbackUrl(provider.baseUrl) && mode === 'auto')) return null;
  return {
    id,
    extractor: llmClient(id, { baseUrl: provider.baseUrl, model: provider.model ?? '', apiKey: () => secrets.get(id) }),
  };
}

/** The model the analyst picked for a drafting run: a provider, and a model other than its settings' one. */
export interface DraftingModel {
  provider: LlmProviderId;
  model?: string;
}

/**
 * The LLM drafting writes with: the provider picked (with the model picked, else its settings' model), or
 * without a pick the first enabled provider with a model and a key (OpenAI, Anthropic, Groq); null when
 * that provider is not ready.
 */
export async function draftingLlmChoice(
  settings: Settings,
  secrets: SecretStore,
  picked?: DraftingModel,
): Promise<LlmChoice | null> {
  for (const id of picked ? [picked.provider] : DRAFTING_PREFERENCE) {
    const provider = settings.providers[id];
    const model = picked?.model || provider.model;
    if (!provider.enabled || !model || !(await secrets.get(id))) continue;
    return { id, extractor: llmClient(id, { baseUrl: provider.baseUrl, model, apiKey: () => secrets.get(id) }) };
  }
  return null;
}

/** A provider drafting could write with, as the Drafts screen offers it: its settings' model ('' for none), or why it cannot write. */
export interface DraftingProvider {
  id: LlmProviderId;
  label: string;
  model: string;
  problem: string | null;
}

/** Every LLM provider drafting knows, in its order of preference, each ready or with what it lacks. */
export async function draftingProviders(settings: Settings, secrets: SecretStore): Promise<DraftingProvider[]> {
  return Promise.all(
    DRAFTING_PREFERENCE.map(async (id) => {
      const provider = settings.providers[id];
      const hasKey = await secrets.get(id).then(Boolean, () => false);
      // A missing model is no problem here: the analyst may type one for the run.
      const problem = !provider.enabled
        ? 'turned off in Settings'
        : !hasKey
          ? 'no API key: add one under Settings'
          : null;
      return { id, label: providerById(id).label, model: provider.model ?? '', problem };
    }),
  );
}
