import type { Settings } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';
import { AnthropicExtractor, OpenAiCompatibleExtractor } from '../providers/llm';
import { TokenBucket } from '../orchestrator/token-bucket';
import { extractorCompletion, type StructuredCompletion } from './llm-generator';

const PREFERENCE = ['openai', 'anthropic', 'groq'] as const;

/**
 * The first enabled LLM provider with a key (OpenAI, then Anthropic, then Groq), or null when there is
 * none. Its calls are paced by the provider's rate limit from settings: a run over thousands of leads
 * waits for its turn instead of collecting 429s (each of which would cost that lead its LLM draft).
 */
export async function draftingLlm(settings: Settings, secrets: SecretStore): Promise<StructuredCompletion | null> {
  for (const id of PREFERENCE) {
    const provider = settings.providers[id];
    if (!provider.enabled || !provider.model || !(await secrets.get(id))) continue;
    const options = { baseUrl: provider.baseUrl, model: provider.model, apiKey: () => secrets.get(id) };
    const complete = extractorCompletion(id === 'anthropic' ? new AnthropicExtractor(options) : new OpenAiCompatibleExtractor(id, options));
    const limit = settings.rateLimits[id];
    const bucket = new TokenBucket(limit.requestsPerMinute, limit.burst);
    return async (request, call) => {
      await bucket.acquire(call.signal);
      return complete(request, call);
    };
  }
  return null;
}
