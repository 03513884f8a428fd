import { z } from 'zod';

/** A cache lifetime in hours, up to a year. */
export const hours = z
  .number()
  .nonnegative()
  .max(24 * 365);

/**
 * How one lookup component searches when a workflow step does not say: on or off, Tavily's search depth and
 * the results per search (null: the component's own choice). A built-in's cache lifetime is
 * `cacheTtlHours.<name>`.
 */
const componentSettingsShape = {
  enabled: z.boolean().default(true),
  searchDepth: z.enum(['basic', 'advanced']).nullable().default(null),
  maxResults: z.number().int().min(1).max(20).nullable().default(null),
};
const componentSettingsSchema = z.object(componentSettingsShape).prefault({});
export type ComponentSettings = z.infer<typeof componentSettingsSchema>;

/**
 * A custom component's entry (`components.<its name>`): the built-ins' settings and its own cache lifetime,
 * null for `cacheTtlHours.custom`, the lifetime every custom component shares unless it sets one.
 */
const customComponentOptionsSchema = z
  .object({ ...componentSettingsShape, cacheTtlHours: hours.nullable().default(null) })
  .prefault({});
export type CustomComponentOptions = z.infer<typeof customComponentOptionsSchema>;

export const defaultCustomComponentOptions = (): CustomComponentOptions => customComponentOptionsSchema.parse({});

/**
 * One entry per built-in component after identity (which every lookup needs), and one per custom component
 * under its name: the settings schema fills in a custom component's missing entry and drops the entry of a
 * name no custom component has (one removed or renamed), see `withCustomComponentEntries`.
 */
export const componentsSettingsSchema = z
  .object({
    overview: componentSettingsSchema,
    executives: componentSettingsSchema,
    funding: componentSettingsSchema,
    news: componentSettingsSchema,
  })
  .catchall(customComponentOptionsSchema)
  .prefault({});

type ComponentsSettings = z.output<typeof componentsSettingsSchema>;
/** The built-in components' entries: names no custom component's options are kept under. */
export const BUILTIN_COMPONENT_ENTRIES = Object.keys(componentsSettingsSchema.unwrap().shape);

/** `components` with exactly one entry per custom component named in `customNames`, beside the built-ins'. */
export function withCustomComponentEntries(
  components: ComponentsSettings,
  customNames: readonly string[],
): ComponentsSettings {
  const builtins = Object.fromEntries(BUILTIN_COMPONENT_ENTRIES.map((name) => [name, components[name]]));
  const custom = customNames.map((name) => [
    name,
    Object.hasOwn(components, name) ? components[name] : defaultCustomComponentOptions(),
  ]);
  return { ...builtins, ...Object.fromEntries(custom) } as ComponentsSettings;
}
