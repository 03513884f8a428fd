import type { AppServices } from '../../services/app-services';
import {
  providerById,
  type EndpointProviderId,
  type NotifyProviderId,
  type ProviderId,
} from '../../providers/registry';
import type { ProviderDefinition } from '../../providers/registry/definition';
import { TavilyProvider } from '../../providers/tavily';
import { llmClient, type LlmProviderId } from '../../providers/llm-choice';
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

/** The clients a search provider's protocol is spoken by. */
const SEARCH_CLIENTS = { tavily: TavilyProvider } as const;

/** Search takes a single credit, an LLM a few dozen tokens: a test that stops short of that is abandoned. */
const TIMEOUT_MS = { search: 15_000, llm: 30_000, notify: 15_000 } as const;

/**
 * The provider's own health check (`providers/registry/<id>.ts`) over its real client and the stored
 * secret, with a bounded time. The secret never leaves main.
 */
export async function testConnection(services: AppServices, provider: ProviderId): Promise<ConnectionTest> {
  const definition: ProviderDefinition = providerById(provider);
  const secret = () => services.secrets.get(provider);
  if (!(await secret()))
    return {
      ok: false,
      kind: 'auth',
      message: `No ${definition.auth.type === 'secret-url' ? 'address' : 'key'} is set for this provider: save one first.`,
    };
  const signal = AbortSignal.timeout(TIMEOUT_MS[definition.kind]);
  const result = await healthCheck(services, definition, secret, signal);
  if ('message' in result) return result;
  if (result.ok) return { ok: true, message: `Connected in ${Math.round(result.meta.latencyMs)} ms.` };
  // Our words only: the provider's error text is not ours to show (it may echo the key, or be written to mislead).
  return { ok: false, kind: result.error.kind, message: ADVICE[result.error.kind] };
}

async function healthCheck(
  services: AppServices,
  definition: ProviderDefinition,
  secret: () => Promise<string | null>,
  signal: AbortSignal,
): Promise<ProviderResult<unknown> | ConnectionTest> {
  if (definition.kind === 'notify')
    return definition.healthCheck(services.notifications.probe(definition.id as NotifyProviderId, signal));
  const settings = services.effectiveSettings().providers[definition.id as EndpointProviderId];
  if (definition.kind === 'search') {
    const client = new SEARCH_CLIENTS[definition.protocol]({ baseUrl: settings.baseUrl, apiKey: secret });
    return definition.healthCheck({ search: (request) => client.search(request, { signal }) });
  }
  if (!settings.model)
    return { ok: false, kind: 'bad_request', message: 'Set a model for this provider in Providers first.' };
  const client = llmClient(definition.id as LlmProviderId, {
    baseUrl: settings.baseUrl,
    model: settings.model,
    apiKey: secret,
  });
  return definition.healthCheck({ extract: (request) => client.extract(request, { signal }) });
}
