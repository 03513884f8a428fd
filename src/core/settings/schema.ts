import { z } from 'zod';
import { EMAIL_ADDRESS } from '../leads/normalise/email-address';
import { componentsSettingsSchema, hours, withCustomComponentEntries } from './component-settings';
import { customComponentsSchema } from './custom-component-settings';
import { leadWorkSettingsSchema } from './lead-work-settings';
import { LLM_PROVIDER_IDS, providersSettingsShape, rateLimitsShape } from '../providers/registry';

export { PROVIDER_IDS, providerIdSchema, type ProviderId } from '../providers/registry';

export const INTEL_SECTIONS = ['identity', 'overview', 'executives', 'funding', 'news', 'custom'] as const;
export const intelSectionSchema = z.enum(INTEL_SECTIONS);
export type IntelSection = z.infer<typeof intelSectionSchema>;

/** Longest sender texts: a name or company is a line; a value proposition or signature a short paragraph. */
const line = z.string().max(200);
const paragraph = z.string().max(4000);

export const senderSchema = z.object({
  name: line.default(''),
  company: line.default(''),
  // The same address rule as lead import (internationalised addresses such as åsa.lindström@firma.example).
  email: z
    .union([z.literal(''), z.email({ pattern: EMAIL_ADDRESS, error: 'must be an email address' }).max(254)])
    .default(''),
  valueProposition: paragraph.default(''),
  signature: paragraph.default(''),
});

/** The settings file's sections, as written; `settingsSchema` is this and what it derives. */
const settingsObjectSchema = z.object({
  sender: senderSchema.prefault({}),
  defaultPhoneRegion: z
    .string()
    .max(2)
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as US or DE')
    .default('US'),
  /** Each registered provider's own block (`providers/registry`): base URL, model, enabled. */
  providers: z.object(providersSettingsShape()).prefault({}),
  /** Per provider, its registered default until changed (Tavily's development keys allow 100 a minute). */
  rateLimits: z.object(rateLimitsShape()).prefault({}),
  /** Cache lifetime of provider responses, in hours, per report section (a custom component may set its own). */
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
  /** Per lookup component: enabled, search depth, result count; a custom one's cache lifetime (component-settings.ts). */
  components: componentsSettingsSchema,
  researchFolder: z.string().max(4096).default(''),
  /** Working the leads: statuses beyond the built-in ones, and the lead score's target roles and weights. */
  leads: leadWorkSettingsSchema,
  /**
   * Execution plans: how long their run log is kept, and whether closing the window keeps the app (and its
   * scheduler) running in the tray rather than quitting.
   */
  schedule: z
    .object({
      keepRunDays: z.number().int().min(1).max(3650).default(90),
      runInTray: z.boolean().default(false),
    })
    .prefault({}),
  /** Company intelligence: limits, timeouts, extraction mode and custom components (see docs/decisions.md). */
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
      llmProvider: z.enum(LLM_PROVIDER_IDS).default('openai'),
      customComponents: customComponentsSchema,
    })
    .prefault({}),
});

/**
 * The settings, with `components` holding one entry per custom component (its defaults until set, so
 * `crm-intel settings set components.<name>.enabled false` finds it) and none for a name no custom
 * component has: a removed or renamed component's options go with it, as unknown fields go everywhere else.
 */
export const settingsSchema = settingsObjectSchema.transform((settings) => ({
  ...settings,
  components: withCustomComponentEntries(
    settings.components,
    settings.intel.customComponents.map((component) => component.name),
  ),
}));

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
    Object.entries(settingsObjectSchema.shape).map(([key, field]) => {
      const section = withoutDefault(field);
      const patch =
        section instanceof z.ZodObject
          ? withCatchall(
              z.strictObject(
                Object.fromEntries(
                  Object.entries(section.shape as Record<string, z.ZodType>).map(([name, value]) => [
                    name,
                    withoutDefault(value).optional(),
                  ]),
                ),
              ),
              section,
            )
          : section;
      return [key, patch.optional()];
    }),
  ),
);

/** A section open to names of its own (`components.<custom component>`) stays open to them in a patch. */
function withCatchall(patch: z.ZodObject, section: z.ZodObject): z.ZodObject {
  const catchall = section.def.catchall;
  return catchall && !(catchall instanceof z.ZodNever) ? patch.catchall(withoutDefault(catchall as z.ZodType)) : patch;
}

export type Settings = z.infer<typeof settingsSchema>;
export type SenderProfile = z.infer<typeof senderSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
