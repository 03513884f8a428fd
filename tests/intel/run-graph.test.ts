import { describe, expect, it } from 'vitest';
import { runGraph, StepFailure, type StepEnd } from '../../src/core/intel/run-graph';
import type { StepDefinition } from '../../src/core/intel/workflows';

type Output = { value: string; halt?: string };

const step = (component: string, ...dependsOn: string[]): StepDefinition => ({ component, dependsOn });

/** Runs a graph whose steps are scripted by name; records the order of status changes. */
async function run(
  steps: StepDefinition[],
  script: Record<string, (inputs: Map<string, Output>, signal: AbortSignal) => Promise<Output>>,
  options: { stepTimeoutMs?: number; signal?: AbortSignal } = {},
) {
  const changes: string[] = [];
  const seen = new Map<string, string[]>();
  const ends = await runGraph<Output>({
    steps,
    stepTimeoutMs: options.stepTimeoutMs ?? 5_000,
    signal: options.signal,
    execute: (s, inputs, signal) => {
      seen.set(s.component, [...inputs.keys()]);
      return script[s.component]!(inputs, signal);
    },
    onChange: (component, status) => changes.push(`${component}:${status}`),
  });
  return { ends, changes, seen };
}

const done = (value: string) => async () => ({ value });

describe('runGraph', () => {
  it('runs a step after its dependencies, with their outputs, and independent steps side by side', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { ends, changes, seen } = await run(
      [step('identity'), step('overview', 'identity'), step('news', 'identity')],
      {
        identity: done('acme'),
        overview: async (inputs) => {
          await gate; // still running when news starts: the two run at once
          return { value: `overview of ${inputs.get('identity')!.value}` };
        },
        news: async () => {
          release();
          return { value: 'news' };
        },
      },
    );
    expect(changes.slice(0, 4)).toEqual(['identity:running', 'identity:completed', 'overview:running', 'news:running']);
    expect(ends.get('overview')).toMatchObject({ status: 'completed', output: { value: 'overview of acme' } });
    expect(seen.get('overview')).toEqual(['identity']);
  });

  it('skips the dependents of a failed step with the reason, and keeps the other branches', async () => {
    const { ends } = await run(
      [step('identity'), step('funding', 'identity'), step('investors', 'funding'), step('news', 'identity')],
      {
        identity: done('acme'),
        funding: async () => {
          throw new StepFailure({ kind: 'rate_limit', message: 'Tavily answered 429.' });
        },
        investors: done('never'),
        news: done('news'),
      },
    );
    expect(ends.get('funding')).toEqual({
      status: 'failed',
      error: { kind: 'rate_limit', message: 'Tavily answered 429.' },
    });
    expect(ends.get('investors')).toEqual({ status: 'skipped', reason: 'funding failed: Tavily answered 429.' });
    expect(ends.get('news')).toMatchObject({ status: 'completed' });
  });

  it('skips dependents of a step that halts (several companies found) with the halt as the reason', async () => {
    const { ends } = await run([step('identity'), step('overview', 'identity')], {
      identity: async () => ({ value: '', halt: 'several companies match "Mercury"' }),
      overview: done('never'),
    });
    expect(ends.get('identity')).toMatchObject({ status: 'completed', halt: 'several companies match "Mercury"' });
    expect(ends.get('overview')).toEqual({ status: 'skipped', reason: 'several companies match "Mercury"' });
  });

  it('fails a step that runs past its time limit as a timeout, through the signal it was given', async () => {
    const { ends } = await run(
      [step('slow')],
      {
        slow: (_inputs, signal) =>
          new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
      },
      { stepTimeoutMs: 20 },
    );
    expect(ends.get('slow')).toEqual({
      status: 'failed',
      error: { kind: 'timeout', message: 'slow ran past its time limit of 0 s.' },
    });
  });

  it('cancels the running step and every step not started when the run is cancelled', async () => {
    const controller = new AbortController();
    const { ends } = await run(
      [step('identity'), step('overview', 'identity')],
      {
        identity: (_inputs, signal) => {
          setImmediate(() => controller.abort());
          return new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted'))),
          );
        },
        overview: done('never'),
      },
      { signal: controller.signal },
    );
    const cancelled: StepEnd<Output> = { status: 'cancelled', error: { kind: 'cancelled', message: 'Cancelled.' } };
    expect(ends.get('identity')).toEqual(cancelled);
    expect(ends.get('overview')).toEqual(cancelled);
  });

  it('lets an unexpected error (a bug, not a provider failure) through instead of recording it', async () => {
    await expect(
      run([step('broken')], {
        broken: async () => {
          throw new TypeError('x is undefined');
        },
      }),
    ).rejects.toThrow('x is undefined');
  });

  it('refuses a workflow whose step waits for a step not in it', async () => {
    await expect(run([step('overview', 'identity')], { overview: done('never') })).rejects.toThrow(
      /overview wait for steps not in the workflow/,
    );
  });
});
