import type { Settings } from '../settings/schema';
import type { SecretStore } from '../secrets/secret-store';
import { AnthropicExtractor, OpenAiCompatibleExtractor } from '../providers/llm';
import { extractorCompletion, type StructuredCompletion } from './llm-generator';

const PREFERENCE = ['openai', 'anthropic', 'groq'] as const;

/** The first enabled LLM provider with a key (OpenAI, then Anthropic, then Groq), or null when there is none. */
export async function draftingLlm(settings: Settings, secrets: SecretStore): Promise<StructuredCompletion | null> {
  for (const id of PREFERENCE) {
    const provider = settings.providers[id];
    if (!provider.enabled || !provider.model || !(await secrets.get(id))) continue;
    const options = { baseUrl: provider.baseUrl, model: provider.model, apiKey: () => secrets.get(id) };
    return extractorCompletion(id === 'anthropic' ? new AnthropicExtractor(options) : new OpenAiCompatibleExtractor(id, options));
  }
  return null;
}
