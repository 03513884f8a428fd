import type { Settings } from '../../settings/schema';
import type { SecretStore } from '../../secrets/secret-store';
import { draftingLlmChoice, type DraftingModel } from '../../providers/llm-choice';
import type { ProviderGateway } from '../../providers/gateway/provider-gateway';
import type { ProviderErrorKind } from '../../providers/types';
import type { StructuredCompletion } from './llm-generator';

/** Why a lead got its template draft, in words for the analyst (the provider's own message may echo a request). */
const FAILURE: Record<ProviderErrorKind, string> = {
  auth: 'refused the API key',
  rate_limit: 'was still rate limited (429) after every retry',
  quota: 'reported its quota used up',
  bad_request: 'refused the request',
  network: 'could not be reached',
  timeout: 'did not answer in time',
  server: 'kept failing with server errors',
  invalid_response: 'did not answer with the requested JSON',
  cancelled: 'was cancelled',
};

/** Never aborts: a drafting run started without a signal cannot be cancelled. */
const NOT_CANCELLABLE = new AbortController().signal;

/**
 * Drafting's LLM (see `draftingLlmChoice`), or null when there is none. Its calls go through the process's
 * provider gateway: the same token bucket as lookups' LLM calls (so both together stay within the provider's
 * limit), and the same retries, so a 429 or a 5xx waits (honouring Retry-After) and tries again; only a call
 * that still fails costs the lead its LLM draft.
 */
export async function draftingLlm(
  settings: Settings,
  secrets: SecretStore,
  gateway: ProviderGateway,
  picked?: DraftingModel,
): Promise<StructuredCompletion | null> {
  const choice = await draftingLlmChoice(settings, secrets, picked);
  if (!choice) return null;
  const { id, extractor } = choice;
  return async (request, call) => {
    const result = await gateway.send(
      { provider: id, endpoint: '/structured', params: null, send: (signal) => extractor.extract(request, { signal }) },
      { signal: call.signal ?? NOT_CANCELLABLE },
    );
    // Cancelled (even mid Retry-After wait) ends the run; it is no reason to write the lead a template draft.
    call.signal?.throwIfAborted();
    return result.ok ? { ok: true, draft: result.data } : { ok: false, reason: `${id} ${FAILURE[result.error.kind]}` };
  };
}
