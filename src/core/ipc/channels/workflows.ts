import { z } from 'zod';
import { channel } from '../define';
import { idText } from '../limits';
import { stepOptionsSchema } from '../../intel/workflow-definition';

const workflowShape = z.object({
  name: z.string(),
  description: z.string(),
  steps: z.array(
    z.object({ component: z.string(), dependsOn: z.array(z.string()), options: stepOptionsSchema.optional() }),
  ),
});

/**
 * A workflow as the editor sends it: bounded here, checked in full (components, dependencies, cycles) by
 * the catalog, whose problems come back by field rather than as a failed request.
 */
const workflowInput = z.object({
  name: idText,
  description: z.string().max(500),
  steps: z
    .array(
      z.object({
        component: idText,
        dependsOn: z.array(idText).max(50),
        options: z
          .object({
            searchDepth: idText.optional(),
            maxResults: z.number().optional(),
            maxExecutives: z.number().optional(),
            timeRange: idText.optional(),
          })
          .optional(),
      }),
    )
    .max(50),
});

const fieldIssue = z.object({ field: z.string(), message: z.string() });

/** The built-in and the analyst's own workflows (`src/core/intel/workflow-catalog.ts`). */
export const workflowChannels = {
  /** Every workflow (built-ins first) and the components a step may name (built-in and custom). */
  'workflows:list': channel(
    z.object({}),
    z.object({
      workflows: z.array(workflowShape.extend({ builtin: z.boolean() })),
      components: z.array(z.string()),
    }),
  ),
  /** Stores the workflow (replacing the analyst's own of that name) when it is valid; otherwise its problems by field. */
  'workflows:save': channel(
    z.object({ workflow: workflowInput }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), workflow: workflowShape }),
      z.object({ ok: z.literal(false), issues: z.array(fieldIssue) }),
    ]),
  ),
  'workflows:remove': channel(z.object({ name: idText.min(1) }), z.object({ removed: z.boolean() })),
};
