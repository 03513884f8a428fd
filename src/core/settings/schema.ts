import { z } from 'zod';
import { EMAIL_ADDRESS } from '../leads/normalise/email-address';
import { isSecureBaseUrl } from './loopback';
import { componentsSettingsSchema } from './component-settings';
import { leadWorkSettingsSchema } from './lead-work-settings';

export const PROVIDER_IDS = ['tavily', 'openai', 'anthropic', 'groq'] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const INTEL_SECTIONS = ['identity', 'overview', 'executives', 'funding', 'news', 'custom'] as const;
export const intelSectionSchema = z.enum(INTEL_SECTIONS);
export type IntelSection = z.infer<typeof intelSectionSchema>;

/** Keys travel in the request headers: never in clear text over a network, so http only to this machine. */
const baseUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(2048)
  .refine(isSecureBaseUrl, 'must be https (plain http only for this machine: localhost, 127.0.0.1 or ::1)');

/** Longest sender texts: a name or company is a line; a value proposition or signature a short paragraph. */
const line = z.string().max(200);
const paragraph = z.string().max(4000);

export const senderSchema = z.object({
  name: line.default(''),
  company: line.default(''),
  // The same address rule as lead import (internationalised addresses such as åsa.lindström@firma.example).
  email: z.union([z.literal(''), z.email({ pattern: EMAIL_ADDRESS, error: 'must be an email address' }).max(254)]).default(''),
  valueProposition: paragraph.default(''),
  signature: paragraph.default(''),
});

export const providerSettingsSchema = z.object({
  baseUrl,
  model: line.optional(),
  enabled: z.boolean().default(true),
});

export const rateLimitSchema = z.object({
  requestsPerMinute: z.number().positive().max(100_000),
  burst: z.number().int().positive().max(10_000),
});

const hours = z.number().nonnegative().max(24 * 365);

export const settingsSchema = z.object({
  sender: senderSchema.prefault({}),
  defaultPhoneRegion: z
    .string()
    .max(2)
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as US or DE')
    .default('US'),
  providers: z
    .object({
      tavily: providerSettingsSchema.default({ baseUrl: 'https://api.tavily.com', enabled: true }),
      openai: providerSettingsSchema.default({ baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', enabled: true }),
      anthropic: providerSettingsSchema.default({ baseUrl: 'https://api.anthropic.com', model: 'claude-sonnet-4-5', enabled: true }),
      groq: providerSettingsSchema.default({ baseUrl: 'https://api.groq.com/openai/v1', model: 'llama-3.3-70b-versatile', enabled: true }),
    })
    .prefault({}),
  /** Tavily's development keys allow 100 requests a minute. */
  rateLimits: z
    .object({
      tavily: rateLimitSchema.default({ requestsPerMinute: 100, burst: 10 }),
      openai: rateLimitSchema.default({ requestsPerMinute: 500, burst: 20 }),
      anthropic: rateLimitSchema.default({ requestsPerMinute: 50, burst: 5 }),
      groq: rateLimitSchema.default({ requestsPerMinute: 30, burst: 5 }),
    })
    .prefault({}),
  /** Cache lifetime of provider responses, in hours, per report section. */
  cacheTtlHours: z
    .object({
      identity: hours.default(24 * 14),
      overview: hours.default(24 * 14),
      executives: hours.default(24 * 14),
      funding: hours.default(24 * 7),
      news: hours.default(6),
      custom: hours.default(24 * 7),
    })
    .prefault({}),
  /** Per lookup component: enabled, search depth, result count (see component-settings.ts). */
  components: componentsSettingsSchema,
  researchFolder: z.string().max(4096).default(''),
  /** Working the leads: statuses beyond the built-in ones, and the lead score's target roles and weights. */
  leads: leadWorkSettingsSchema,
  /** Company intelligence: limits, timeouts, extraction mode and custom components (see docs/architecture.md). */
  intel: z
    .object({
      maxExecutives: z.number().int().min(1).max(100).default(10),
      /** Provider calls in flight at once, across all lookups of the process. */
      concurrency: z.number().int().min(1).max(64).default(6),
      stepTimeoutSeconds: z.number().positive().max(600).default(90),
      requestTimeoutSeconds: z.number().positive().max(300).default(20),
      retries: z.number().int().min(0).max(10).default(3),
      retryBaseMs: z.number().int().min(0).max(60_000).default(500),
      /** `auto` uses an LLM when one has a key, else deterministic patterns. */
      extraction: z.enum(['auto', 'deterministic', 'llm']).default('auto'),
      llmProvider: z.enum(['openai', 'anthropic', 'groq']).default('openai'),
      customComponents: z
        .array(
          z.object({
            name: line.regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _'),
            queries: z.array(line.min(1)).min(1).max(20),
            fields: z.array(z.object({ name: line.min(1), description: paragraph.default(''), pattern: line.optional(), keywords: z.array(line).max(50).default([]) })).min(1).max(50),
            dependsOn: z.array(line).max(20).default(['identity']),
          }),
        )
        .max(50)
        .default([]),
    })
    .prefault({}),
});

/** A field's schema without its default, so a field a patch leaves out stays out (and keeps its stored value). */
function withoutDefault(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodDefault || field instanceof z.ZodPrefault ? (field.unwrap() as z.ZodType) : field;
}

/**
 * What `settings:update` accepts, checked as it arrives: known sections only, and in each section known
 * fields only, each with the rules (and length limits) of the settings file. The merged result is
 * validated again before it is written.
 */
export const settingsPatchSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(settingsSchema.shape).map(([key, field]) => {
      const section = withoutDefault(field);
      const patch = section instanceof z.ZodObject ? z.strictObject(Object.fromEntries(Object.entries(section.shape as Record<string, z.ZodType>).map(([name, value]) => [name, withoutDefault(value).optional()]))) : section;
      return [key, patch.optional()];
    }),
  ),
);

export type Settings = z.infer<typeof settingsSchema>;
export type SenderProfile = z.infer<typeof senderSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
