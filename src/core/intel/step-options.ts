import type { SearchRequest } from '../providers/types';
import type { Settings } from '../settings/schema';
import type { StepDefinition } from './workflow-definition';

/**
 * A component's search as the workflow step and the component's settings adjust it: the step's options win,
 * then `components.<name>` in settings, then what the component asked for.
 */
export function tunedSearch(request: SearchRequest, step: StepDefinition, settings: Settings): SearchRequest {
  const configured = settings.components[step.component];
  const options = step.options ?? {};
  return {
    ...request,
    searchDepth: options.searchDepth ?? configured?.searchDepth ?? request.searchDepth,
    maxResults: options.maxResults ?? configured?.maxResults ?? request.maxResults,
    timeRange: options.timeRange ?? request.timeRange,
  };
}

/** Components switched off in settings. */
export function disabledComponents(settings: Settings): Set<string> {
  return new Set(Object.entries(settings.components).flatMap(([name, c]) => (c.enabled ? [] : [name])));
}

/** How long a component's provider answers are reused: its section's lifetime, or a custom component's own. */
export function cacheLifetimeHours(
  settings: Settings,
  component: string,
  section: keyof Settings['cacheTtlHours'],
): number {
  const own = section === 'custom' ? settings.components[component]?.cacheTtlHours : null;
  return own ?? settings.cacheTtlHours[section];
}
