import { z } from 'zod';
import { isSecureBaseUrl } from '../../settings/loopback';
import type { ProviderResult, SearchRequest } from '../types';

/**
 * What a provider is, as data: one module per provider (`registry/<id>.ts`) returns one of these, and the
 * settings schema, the keychain list, `crm-intel keys`, the connection test and the Settings screen are
 * derived from the list in `registry/index.ts`. Nothing here imports Node: the renderer reads it too.
 */
export type ProviderKind = 'search' | 'llm' | 'notify';

export const rateLimitSchema = z.object({
  requestsPerMinute: z.number().positive().max(100_000),
  burst: z.number().int().positive().max(10_000),
});
export type RateLimit = z.infer<typeof rateLimitSchema>;

/** How a provider authenticates; the secret lives in the keychain, or in the named environment variable. */
export type ProviderAuth =
  /** A key sent in a request header. */
  | { type: 'api-key'; envVariable: string }
  /** The secret is the address itself (an incoming webhook's URL carries its token). */
  | { type: 'secret-url'; envVariable: string };

/** What a search provider's health check may call: its own client, built over the stored key. */
export interface SearchProbe {
  search(request: SearchRequest): Promise<ProviderResult<unknown>>;
}

/** What an LLM provider's health check may call: a structured extraction checked against `schema`. */
export interface LlmProbe {
  extract<T>(request: {
    instruction: string;
    documents: { index: number; title: string; text: string }[];
    schema: z.ZodType<T>;
    schemaName: string;
  }): Promise<ProviderResult<T>>;
}

/** A message to an analyst's channel: a title, lines of text, and the structured alerts behind them. */
export interface NotifyMessage {
  title: string;
  lines: string[];
  /** What a JSON receiver gets as data (alerts with their facts and sources); a chat channel shows `lines`. */
  data: Record<string, unknown>;
  links: { url: string; title: string }[];
}

/** What a notify provider's health check may call: one delivery to the stored webhook. */
export interface NotifyProbe {
  send(message: NotifyMessage): Promise<ProviderResult<unknown>>;
}

interface Common<Id extends string> {
  id: Id;
  /** The name the Settings screen and messages use. */
  label: string;
  /** What the analyst uses it for, in a few words. */
  role: string;
  auth: ProviderAuth;
  /** The gateway's token bucket for it, until the analyst changes `rateLimits.<id>`. */
  rateLimit: RateLimit;
}

/** Where a remote API is reached: its settings block is `providers.<id>` (base URL, model, enabled). */
export const endpointSettingsSchema = z.object({
  // Keys travel in the request headers: never in clear text over a network, so http only to this machine.
  baseUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2048)
    .refine(isSecureBaseUrl, 'must be https (plain http only for this machine: localhost, 127.0.0.1 or ::1)'),
  model: z.string().max(200).optional(),
  enabled: z.boolean().default(true),
});
export type EndpointSettings = z.infer<typeof endpointSettingsSchema>;

/**
 * A notify provider's settings block: whether plans send to it. Strict, so an address pasted into the
 * settings file is refused rather than kept there: it is a secret, and belongs in the keychain.
 */
export const notifySettingsSchema = z.strictObject({ enabled: z.boolean().default(true) });

export interface SearchProviderDefinition<Id extends string = string> extends Common<Id> {
  kind: 'search';
  /** Which client speaks its wire format. */
  protocol: 'tavily';
  settings: z.ZodDefault<typeof endpointSettingsSchema>;
  healthCheck(probe: SearchProbe): Promise<ProviderResult<unknown>>;
}

export interface LlmProviderDefinition<Id extends string = string> extends Common<Id> {
  kind: 'llm';
  settings: z.ZodDefault<typeof endpointSettingsSchema>;
  healthCheck(probe: LlmProbe): Promise<ProviderResult<unknown>>;
}

export interface NotifyProviderDefinition<Id extends string = string> extends Common<Id> {
  kind: 'notify';
  /** The payload it is sent: Slack's incoming-webhook shape, or the alerts as plain JSON. */
  format: 'slack' | 'json';
  settings: z.ZodPrefault<typeof notifySettingsSchema>;
  healthCheck(probe: NotifyProbe): Promise<ProviderResult<unknown>>;
}

export type ProviderDefinition<Id extends string = string> =
  SearchProviderDefinition<Id> | LlmProviderDefinition<Id> | NotifyProviderDefinition<Id>;

type Without<T, K extends keyof T> = Omit<T, K | 'kind' | 'settings'>;

export function searchProvider<const Id extends string>(
  definition: Without<SearchProviderDefinition<Id>, never> & { baseUrl: string },
): SearchProviderDefinition<Id> {
  const { baseUrl, ...rest } = definition;
  return { ...rest, kind: 'search', settings: endpointSettingsSchema.default({ baseUrl, enabled: true }) };
}

export function llmProvider<const Id extends string>(
  definition: Without<LlmProviderDefinition<Id>, 'healthCheck'> & { baseUrl: string; model: string },
): LlmProviderDefinition<Id> {
  const { baseUrl, model, ...rest } = definition;
  return {
    ...rest,
    kind: 'llm',
    settings: endpointSettingsSchema.default({ baseUrl, model, enabled: true }),
    healthCheck: llmPing,
  };
}

export function notifyProvider<const Id extends string>(
  definition: Without<NotifyProviderDefinition<Id>, 'healthCheck'>,
): NotifyProviderDefinition<Id> {
  return {
    ...definition,
    kind: 'notify',
    settings: notifySettingsSchema.prefault({}),
    healthCheck: (probe) => probe.send(TEST_MESSAGE),
  };
}

const pingSchema = z.object({ ok: z.boolean() });

/** An LLM's cheapest real call: a tiny structured extraction (a few dozen tokens). */
function llmPing(probe: LlmProbe): Promise<ProviderResult<unknown>> {
  return probe.extract({
    instruction: 'Answer ok = true.',
    documents: [{ index: 1, title: 'Connection test', text: 'This is a connection test.' }],
    schema: pingSchema,
    schemaName: 'connection_test',
  });
}

/** What a webhook's connection test posts: a message saying it is one, with no alert in it. */
const TEST_MESSAGE: NotifyMessage = {
  title: 'CRM Intelligence: connection test',
  lines: ['This webhook will receive alerts from your scheduled plans.'],
  data: { event: 'test', alerts: [] },
  links: [],
};
