import type { ProviderError } from '../providers/types';
import type { StepStatus } from './domain';
import type { StepDefinition } from './workflows';

/** A component failed with a provider error (or its own): recorded on the step, dependents skipped. */
export class StepFailure extends Error {
  constructor(readonly error: ProviderError) {
    super(error.message);
  }
}

export type StepEnd<T> =
  | { status: 'completed'; output: T; halt?: string }
  | { status: 'failed'; error: ProviderError }
  | { status: 'skipped'; reason: string }
  | { status: 'cancelled'; error: ProviderError };

export interface GraphOptions<T> {
  steps: StepDefinition[];
  /** Runs one step with the outputs of its dependencies; `signal` carries cancellation and the step timeout. */
  execute(step: StepDefinition, inputs: Map<string, T>, signal: AbortSignal): Promise<T & { halt?: string }>;
  stepTimeoutMs: number;
  signal?: AbortSignal;
  onChange(component: string, status: StepStatus, detail?: StepEnd<T>): void;
}

/**
 * Runs a dependency graph: every step whose dependencies completed starts at once; a failed, skipped or
 * halting step (e.g. identity found several companies) makes its dependents skipped with the reason.
 */
export async function runGraph<T>(options: GraphOptions<T>): Promise<Map<string, StepEnd<T>>> {
  const ends = new Map<string, StepEnd<T>>();
  const outputs = new Map<string, T>();
  const running = new Map<string, Promise<void>>();
  const pending = [...options.steps];

  const start = (step: StepDefinition) => {
    options.onChange(step.component, 'running');
    const signal = AbortSignal.any([
      ...(options.signal ? [options.signal] : []),
      AbortSignal.timeout(options.stepTimeoutMs),
    ]);
    const promise = runOne(step, signal).then((end) => {
      ends.set(step.component, end);
      if (end.status === 'completed') outputs.set(step.component, end.output);
      running.delete(step.component);
      options.onChange(step.component, end.status, end);
    });
    running.set(step.component, promise);
  };

  const runOne = async (step: StepDefinition, signal: AbortSignal): Promise<StepEnd<T>> => {
    try {
      const output = await options.execute(step, outputs, signal);
      return { status: 'completed', output, halt: output.halt };
    } catch (error) {
      if (options.signal?.aborted) return { status: 'cancelled', error: { kind: 'cancelled', message: 'Cancelled.' } };
      if (error instanceof StepFailure) return { status: 'failed', error: error.error };
      if (signal.aborted)
        return {
          status: 'failed',
          error: {
            kind: 'timeout',
            message: `${step.component} ran past its time limit of ${Math.round(options.stepTimeoutMs / 1000)} s.`,
          },
        };
      throw error;
    }
  };

  while (pending.length > 0 || running.size > 0) {
    for (const step of [...pending]) {
      if (options.signal?.aborted) {
        pending.splice(pending.indexOf(step), 1);
        const cancelled: StepEnd<T> = { status: 'cancelled', error: { kind: 'cancelled', message: 'Cancelled.' } };
        ends.set(step.component, cancelled);
        options.onChange(step.component, 'cancelled', cancelled);
        continue;
      }
      const blocker = step.dependsOn
        .map((d) => [d, ends.get(d)] as const)
        .find(([, end]) => end && (end.status !== 'completed' || end.halt));
      if (blocker) {
        const [dependency, end] = blocker;
        pending.splice(pending.indexOf(step), 1);
        const reason =
          end!.status === 'completed'
            ? end!.halt!
            : `${dependency} ${end!.status}${'error' in end! ? `: ${end!.error.message}` : ''}`;
        const skipped: StepEnd<T> = { status: 'skipped', reason };
        ends.set(step.component, skipped);
        options.onChange(step.component, 'skipped', skipped);
        continue;
      }
      if (step.dependsOn.every((d) => ends.get(d)?.status === 'completed')) {
        pending.splice(pending.indexOf(step), 1);
        start(step);
      }
    }
    if (running.size > 0) await Promise.race(running.values());
    else if (pending.length > 0 && !pending.some((s) => s.dependsOn.every((d) => ends.has(d)))) {
      throw new Error(
        `Workflow cannot proceed: ${pending.map((s) => s.component).join(', ')} wait for steps not in the workflow.`,
      );
    }
  }
  return ends;
}
