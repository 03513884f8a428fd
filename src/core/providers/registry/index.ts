import { z } from 'zod';
import { rateLimitSchema, type ProviderDefinition } from './definition';
import { tavily } from './tavily';
import { openai } from './openai';
import { anthropic } from './anthropic';
import { groq } from './groq';
import { slackWebhook } from './slack-webhook';
import { jsonWebhook } from './json-webhook';

/**
 * Every provider the app knows, in the order screens list them. Adding one is its module and a line here:
 * its settings block, rate limit, keychain entry, `crm-intel keys` argument, connection test and Settings
 * rows follow from its definition.
 */
export const PROVIDERS = [tavily, openai, anthropic, groq, slackWebhook, jsonWebhook] as const;

type Registered = (typeof PROVIDERS)[number];
export type ProviderId = Registered['id'];
/** Providers reached at a base URL (search and LLM): the ones with `providers.<id>.baseUrl`. */
export type EndpointProviderId = Extract<Registered, { kind: 'search' | 'llm' }>['id'];
export type LlmProviderId = Extract<Registered, { kind: 'llm' }>['id'];
export type NotifyProviderId = Extract<Registered, { kind: 'notify' }>['id'];

/** The registered ids of some kinds, as a tuple `z.enum` takes. */
const idsOf = <Id extends ProviderId>(...kinds: ProviderDefinition['kind'][]) =>
  (PROVIDERS as readonly ProviderDefinition[]).filter((p) => kinds.includes(p.kind)).map((p) => p.id) as [Id, ...Id[]];

export const PROVIDER_IDS = PROVIDERS.map((p) => p.id) as [ProviderId, ...ProviderId[]];
export const ENDPOINT_PROVIDER_IDS = idsOf<EndpointProviderId>('search', 'llm');
export const LLM_PROVIDER_IDS = idsOf<LlmProviderId>('llm');
export const NOTIFY_PROVIDER_IDS: NotifyProviderId[] = idsOf<NotifyProviderId>('notify');

export const providerIdSchema = z.enum(PROVIDER_IDS);
export const endpointProviderIdSchema = z.enum(ENDPOINT_PROVIDER_IDS);

export function providerById<Id extends ProviderId>(id: Id): Extract<Registered, { id: Id }> {
  return PROVIDERS.find((p) => p.id === id) as Extract<Registered, { id: Id }>;
}

export function isEndpointProvider(id: ProviderId): id is EndpointProviderId {
  return (ENDPOINT_PROVIDER_IDS as readonly ProviderId[]).includes(id);
}

/** The settings file's `providers` section: each provider's own settings block under its id. */
export function providersSettingsShape(): { [D in Registered as D['id']]: D['settings'] } {
  return Object.fromEntries(PROVIDERS.map((p) => [p.id, p.settings])) as {
    [D in Registered as D['id']]: D['settings'];
  };
}

/** The settings file's `rateLimits` section: each provider's default, which the analyst may change. */
export function rateLimitsShape(): Record<ProviderId, z.ZodDefault<typeof rateLimitSchema>> {
  return Object.fromEntries(PROVIDERS.map((p) => [p.id, rateLimitSchema.default(p.rateLimit)])) as Record<
    ProviderId,
    z.ZodDefault<typeof rateLimitSchema>
  >;
}

/** The environment variable that holds a provider's secret (a key, or a webhook URL) for scripts and CI. */
export const SECRET_VARIABLES = Object.fromEntries(PROVIDERS.map((p) => [p.id, p.auth.envVariable])) as Record<
  ProviderId,
  string
>;

export type { ProviderDefinition };
