import type { CachedAnswer } from '../providers/gateway/provider-gateway';
import type { RequestCache } from '../providers/gateway/request-cache-store';
import type { CompanyReport } from './domain';
import type { ComponentOutput } from './component';

/** What a step hands over: data, and a component's output with the `apply` that writes it into a report. */
type StepOutput = { component?: ComponentOutput };

/** What a step made of answers the cache served, all fresh. */
export interface MemoisedStep<T extends StepOutput> {
  output: T;
  answers: CachedAnswer[];
  /** The provider of each search result's URL the step recorded, in order. */
  sources: [string, string][];
}

/** Steps of this many lookups are kept: a few companies' worth, each step's output a few kilobytes. */
const LIMIT = 64;

/**
 * The outputs of steps whose every provider answer came fresh from the request cache, by what the step was
 * asked. A step asked the same again while each of those cache entries is still the one stored then (same
 * time) and fresh would send the same requests, get the same answers and make the same output: a cache-hit
 * lookup takes it from here instead of reading the pages again. The key must hold everything besides the
 * answers that the output depends on.
 */
export class StepMemo<T extends StepOutput> {
  private readonly steps = new Map<string, MemoisedStep<T>>();

  constructor(private readonly cache: RequestCache) {}

  /** The step's output as it was made, its answers still standing; a copy each caller may change. */
  recall(key: string): MemoisedStep<T> | undefined {
    const step = this.steps.get(key);
    if (!step) return undefined;
    const standing = step.answers.every((answer) => {
      const stamp = this.cache.stamp(answer.key);
      return stamp !== null && !stamp.expired && stamp.createdAt === answer.createdAt;
    });
    if (!standing) {
      this.steps.delete(key);
      return undefined;
    }
    // The most recently used last: the first is the one to forget.
    this.steps.delete(key);
    this.steps.set(key, step);
    return { ...step, output: copyOf(step.output) };
  }

  /** Keeps a step's output; returns the copy for the lookup that made it (the kept one is never handed out). */
  remember(key: string, step: MemoisedStep<T>): T {
    this.steps.delete(key);
    if (this.steps.size >= LIMIT) this.steps.delete(this.steps.keys().next().value!);
    this.steps.set(key, step);
    return copyOf(step.output);
  }
}

/**
 * A copy of a step's output that shares nothing with it: the report it is applied to is changed afterwards
 * (the curated profile replaces values in its sections), which must not reach the kept output.
 */
function copyOf<T extends StepOutput>(output: T): T {
  const { component, ...data } = output;
  return { ...structuredClone(data), ...(component ? { component: componentCopy(component) } : {}) } as T;
}

function componentCopy(output: ComponentOutput): ComponentOutput {
  return {
    facts: structuredClone(output.facts),
    notFound: [...output.notFound],
    apply(report) {
      const before = { ...report };
      output.apply(report);
      // What `apply` put in the report is the kept output's own: the report gets a copy of each section it set.
      const sections = report as unknown as Record<string, unknown>;
      for (const key of Object.keys(sections) as (keyof CompanyReport)[])
        if (sections[key] !== before[key]) sections[key] = structuredClone(sections[key]);
    },
  };
}
