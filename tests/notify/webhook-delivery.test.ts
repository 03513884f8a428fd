import { describe, expect, it } from 'vitest';
import { closedAfterTest } from '../support/closed-after-test';
import { intelHarness } from '../intel/support';
import { schedulerFor, watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { startJsonServer, type LoopbackServer, type ScriptedResponse } from '../support/providers/http-server';
import { lumoraBefore, NO_CACHE } from '../watch/support';

/**
 * A scheduled refresh's alerts reach the analyst's webhooks: real lookups against the fake Tavily, a real
 * SQLite file, and receivers on loopback that speak HTTP as Slack's and a generic webhook's endpoints do.
 */

/** A receiver that answers each request with the next scripted answer, then 200 `ok`. */
async function receiver(...answers: ScriptedResponse[]): Promise<LoopbackServer> {
  return closedAfterTest(await startJsonServer(() => answers.shift() ?? { status: 200, rawBody: 'ok' }));
}

/** Lumora watched daily by a plan that refreshes and notifies hourly; the second refresh finds what changed. */
async function lumoraWithAlerts() {
  const fixtures = lumoraBefore();
  const harness = closedAfterTest(await intelHarness({ fixtures, settings: { cacheTtlHours: NO_CACHE } }));
  let time = new Date('2026-03-02T08:00:00Z').getTime();
  const clock = { now: () => new Date(time), advanceHours: (hours: number) => (time += hours * 3_600_000) };
  const scheduler = schedulerFor(harness.services, 'app:1', { now: clock.now });
  watchServiceFor(harness.services, clock.now).add('Lumora Analytics', { every: '1d', workflow: 'comprehensive' });
  scheduler.add({ name: 'alerts', trigger: { everyHours: 1 }, steps: ['refresh-watches', 'notify'] });
  const changeTheWeb = () => fixtures.splice(0, fixtures.length, ...loadTavilyFixtures('lumora'));
  return { scheduler, clock, changeTheWeb, secrets: harness.secrets };
}

describe('alerts to webhooks', () => {
  it('retries a receiver that fails twice, delivers the alerts with their facts and sources once, and logs the calls', async () => {
    const { scheduler, clock, changeTheWeb, secrets } = await lumoraWithAlerts();
    const hook = await receiver(
      { status: 500, body: { error: 'busy' } },
      { status: 503, headers: { 'retry-after': '0' }, rawBody: 'try later' },
    );
    await secrets.set('webhook', `${hook.baseUrl}/hooks/crm`);

    expect(await scheduler.runDue()).toMatchObject([{ status: 'completed', summary: { alerts: 0, messagesSent: 0 } }]);
    expect(hook.requests).toHaveLength(0); // the baseline raises nothing to send
    changeTheWeb();
    clock.advanceHours(24);
    const [run] = await scheduler.runDue();

    expect(run!.status).toBe('completed');
    const raised = run!.summary!.alerts!;
    expect(raised).toBeGreaterThan(1);
    expect(hook.requests).toHaveLength(3);
    expect(hook.requests[2]!.body).toEqual(hook.requests[0]!.body);
    const payload = hook.requests[2]!.body as {
      event: string;
      company: { name: string };
      alerts: { kind: string; summary: string; facts: { text: string; source: { url: string } }[] }[];
    };
    expect(payload).toMatchObject({
      event: 'alerts',
      company: { name: 'Lumora Analytics' },
      title: `Lumora Analytics: ${raised} new alerts`,
    });
    expect(payload.alerts).toHaveLength(raised);
    const moved = payload.alerts.find((a) => a.kind === 'headquarters_changed')!;
    expect(moved.summary).toBe('Headquarters: Denver, Colorado -> Austin, Texas');
    expect(moved.facts[0]!.text).toMatch(/Austin/);
    expect(moved.facts[0]!.source.url).toMatch(/^https?:\/\//);

    const notify = run!.steps.find((s) => s.step === 'notify')!;
    expect(notify).toMatchObject({
      status: 'completed',
      providerCalls: 3,
      counts: { messagesSent: 1, alertsSent: raised, messagesFailed: 0 },
    });

    clock.advanceHours(1);
    expect(await scheduler.runDue()).toMatchObject([{ status: 'completed', summary: { messagesSent: 0 } }]);
    expect(hook.requests).toHaveLength(3); // nothing is sent twice
  });

  it('logs a delivery that keeps failing with its error, and sends it on a later run; Slack gets its own payload', async () => {
    const { scheduler, clock, changeTheWeb, secrets } = await lumoraWithAlerts();
    const down = Array.from({ length: 4 }, () => ({ status: 502, rawBody: 'bad gateway' }));
    const slack = await receiver(...down);
    await secrets.set('slack', `${slack.baseUrl}/services/T000/B000/XXXX`);
    await scheduler.runDue();
    changeTheWeb();
    clock.advanceHours(24);

    const [failed] = await scheduler.runDue();
    expect(failed).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^notify: 1 message not delivered, sent again on the next run: Slack-compatible webhook answered 502/,
      ),
    });
    expect(failed!.error).not.toContain('XXXX');
    expect(failed!.steps.map((s) => [s.step, s.status])).toEqual([
      ['refresh-watches', 'completed'],
      ['notify', 'failed'],
    ]);
    expect(failed!.steps[1]).toMatchObject({ providerCalls: 4, counts: { messagesSent: 0, messagesFailed: 1 } });
    expect(scheduler.log('alerts')[0]!.steps[1]!.error).toMatch(/answered 502/);

    clock.advanceHours(1);
    const [resent] = await scheduler.runDue();
    expect(resent).toMatchObject({ status: 'completed', summary: { messagesSent: 1 } });
    const body = slack.requests.at(-1)!.body as {
      text: string;
      blocks: { type: string; elements?: { text: string }[] }[];
    };
    expect(body.text).toMatch(/^Lumora Analytics: \d+ new alerts\n/);
    expect(body.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(body.blocks[1]!.elements![0]!.text).toMatch(/^<https?:\/\/[^|>]+\|[^>]+>$/);
  });
});
