import { z } from 'zod';
import { findCycle } from '../intel/dependency-cycle';

/** The lookup steps built into every installation (`intel/workflows.ts`). */
const BUILTIN_STEPS = ['identity', 'overview', 'executives', 'funding', 'news'];
/** Names a custom component cannot take: the built-in steps' and `custom`, the report section's. */
const TAKEN_NAMES = [...BUILTIN_STEPS, 'custom'];

const line = z.string().max(200);
const paragraph = z.string().max(4000);

/**
 * Why `pattern` cannot read a value, or undefined when it can: the component compiles it (with `i`) and takes
 * its first group as the value, so a pattern that does not compile would fail every lookup that runs it, and
 * one without a group would never find anything.
 */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'i');
  } catch (error) {
    // The engine's own reason ("Unterminated group") without its repeat of the pattern before it.
    return `is not a regular expression (${(error as Error).message.split(': ').at(-1)})`;
  }
  // Matching the empty alternative added here counts the pattern's groups without needing a matching text.
  const groups = new RegExp(`${pattern}|`, 'i').exec('')!.length - 1;
  return groups > 0 ? undefined : 'needs a group in ( ) around the value to read, e.g. (\\d+) employees';
}

export const customFieldSchema = z.object({
  name: line.min(1),
  description: paragraph.default(''),
  pattern: line
    .superRefine((pattern, context) => {
      const problem = patternProblem(pattern);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  keywords: z.array(line).max(50).default([]),
});

export const customComponentSchema = z.object({
  name: line.regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, - or _'),
  queries: z.array(line.min(1)).min(1).max(20),
  fields: z.array(customFieldSchema).min(1).max(50),
  dependsOn: z.array(line).max(20).default(['identity']),
});

/**
 * `intel.customComponents`: a lookup finds a component by its name, so a name is used once and is not a
 * built-in step's (the issue is raised at the later component's name, where the editor shows it); a
 * component runs after steps a lookup has, built-in or custom, never after itself nor in a cycle (a lookup
 * could start none of the components in it). Built-in steps run after built-ins only, so a cycle is custom.
 */
export const customComponentsSchema = z
  .array(customComponentSchema)
  .max(50)
  .superRefine((components, context) => {
    const names = components.map((component) => component.name);
    components.forEach(({ name, dependsOn }, index) => {
      const message = TAKEN_NAMES.includes(name)
        ? `"${name}" is a built-in component's name`
        : names.indexOf(name) < index
          ? `"${name}" is already the name of another custom component`
          : undefined;
      if (message) context.addIssue({ code: 'custom', message, path: [index, 'name'] });
      dependsOn.forEach((step, at) => {
        const problem =
          step === name
            ? 'a component cannot run after itself'
            : BUILTIN_STEPS.includes(step) || names.includes(step)
              ? undefined
              : `"${step}" is not a component: one of ${BUILTIN_STEPS.join(', ')} or a custom component's name`;
        if (problem) context.addIssue({ code: 'custom', message: problem, path: [index, 'dependsOn', at] });
      });
    });
    // Running after itself is reported above. The cycle is named at the entry that leads from its first component
    // to the next (the last of a name used twice, as the lookup would plan it).
    const cycle = findCycle(
      components.map(({ name, dependsOn }) => ({ component: name, dependsOn: dependsOn.filter((d) => d !== name) })),
    );
    if (cycle) {
      const index = names.lastIndexOf(cycle[0]!);
      context.addIssue({
        code: 'custom',
        message: `custom components form a cycle: ${cycle.join(' -> ')}`,
        path: [index, 'dependsOn', components[index]!.dependsOn.indexOf(cycle[1]!)],
      });
    }
  })
  .default([]);
