import { z } from 'zod';

/**
 * How one lookup component searches when a workflow step does not say: on or off, Tavily's search depth and
 * the results per search (null: the component's own choice). Its cache lifetime is `cacheTtlHours.<name>`.
 */
const componentSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    searchDepth: z.enum(['basic', 'advanced']).nullable().default(null),
    maxResults: z.number().int().min(1).max(20).nullable().default(null),
  })
  .prefault({});
export type ComponentSettings = z.infer<typeof componentSettingsSchema>;

/** One entry per built-in component after identity (which every lookup needs). */
export const componentsSettingsSchema = z
  .object({
    overview: componentSettingsSchema,
    executives: componentSettingsSchema,
    funding: componentSettingsSchema,
    news: componentSettingsSchema,
  })
  .prefault({});
