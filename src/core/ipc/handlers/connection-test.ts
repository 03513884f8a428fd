import { z } from 'zod';
import type { AppServices } from '../../services/app-services';
import type { ProviderId } from '../../settings/schema';
import { TavilyProvider } from '../../providers/tavily';
import { llmClient } from '../../providers/llm-choice';
import type { ProviderErrorKind, ProviderResult } from '../../providers/types';

export interface ConnectionTest {
  ok: boolean;
  kind?: ProviderErrorKind;
  message: string;
}

/** What each provider error kind means for the analyst looking at the key they just saved. */
const ADVICE: Record<ProviderErrorKind, string> = {
  auth: 'The key was refused: check that it is complete and still active.',
  rate_limit: 'The key works but is rate limited right now: try again in a minute.',
  quota: 'The key works but its plan limit or credits are used up.',
  bad_request: 'The provider refused the request: check the base URL and model in Providers.',
  network: 'The provider could not be reached: check the base URL and your connection.',
  timeout: 'The provider did not answer in time: check the base URL and your connection.',
  server: 'The provider had a server error: try again later.',
  invalid_response: 'Something answered, but not like this provider: check the base URL.',
  cancelled: 'The test was cancelled.',
};

const pingSchema = z.object({ ok: z.boolean() });

/**
 * One cheap authenticated call with the stored key: a one-result basic Tavily search (one credit), or a
 * tiny structured extraction from the LLM (a few dozen tokens). The key never leaves main.
 */
export async function testConnection(services: AppServices, provider: ProviderId): Promise<ConnectionTest> {
  const settings = services.effectiveSettings().providers[provider];
  const apiKey = () => services.secrets.get(provider);
  if (!(await apiKey())) return { ok: false, kind: 'auth', message: 'No key is set for this provider: save one first.' };
  let result: ProviderResult<unknown>;
  if (provider === 'tavily') {
    result = await new TavilyProvider({ baseUrl: settings.baseUrl, apiKey }).search({ query: 'connection test', maxResults: 1, searchDepth: 'basic' }, { signal: AbortSignal.timeout(15_000) });
  } else {
    if (!settings.model) return { ok: false, kind: 'bad_request', message: 'Set a model for this provider in Providers first.' };
    const options = { baseUrl: settings.baseUrl, model: settings.model, apiKey };
    result = await llmClient(provider, options).extract(
      { instruction: 'Answer ok = true.', documents: [{ index: 1, title: 'Connection test', text: 'This is a connection test.' }], schema: pingSchema, schemaName: 'connection_test' },
      { signal: AbortSignal.timeout(30_000) },
    );
  }
  if (result.ok) return { ok: true, message: `Connected in ${Math.round(result.meta.latencyMs)} ms.` };
  // Our words only: the provider's error text is not ours to show (it may echo the key, or be written to mislead).
  return { ok: false, kind: result.error.kind, message: ADVICE[result.error.kind] };
}
