import type { Settings } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';
import { isLoopbackUrl } from '../settings/loopback';
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

/** The LLM drafting writes with: the first enabled provider with a model and a key (OpenAI, Anthropic, Groq). */
export async function draftingLlmChoice(settings: Settings, secrets: SecretStore): Promise<LlmChoice | null> {
  for (const id of DRAFTING_PREFERENCE) {
    const provider = settings.providers[id];
    if (!provider.enabled || !provider.model || !(await secrets.get(id))) continue;
    return {
      id,
      extractor: llmClient(id, { baseUrl: provider.baseUrl, model: provider.model, apiKey: () => secrets.get(id) }),
    };
  }
  return null;
}
