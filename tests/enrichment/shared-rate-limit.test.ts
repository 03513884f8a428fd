import { afterEach, describe, expect, it } from 'vitest';
import { intelHarnessWithRemoteTavily } from '../intel/support';
import { loadTavilyFixtures } from '../support/providers/fake-tavily';
import { seedImport } from '../fixtures/outreach/seed';
import { companyFixtures, waitFor } from './support';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

let harness: Awaited<ReturnType<typeof intelHarnessWithRemoteTavily>> | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** In any window from call i to call j, at most `burst + rate × window` calls; the result is the worst overshoot. */
function worstExcess(times: number[], limit: { requestsPerMinute: number; burst: number }): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = -Infinity;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i; j < sorted.length; j++)
      worst = Math.max(
        worst,
        j - i + 1 - (limit.burst + (limit.requestsPerMinute * (sorted[j]! - sorted[i]!)) / 60_000),
      );
  }
  return worst;
}

// Enough companies that the batch is still calling, at this rate, well after the lookup starts on a loaded machine.
const COMPANIES = ['Alpha Co', 'Beta Co', 'Gamma Co', 'Delta Co', 'Epsilon Co', 'Zeta Co', 'Eta Co', 'Theta Co'];

describe('an enrichment batch in its worker thread and a lookup in the main thread', () => {
  it('draw on one token bucket per provider (shared memory), counted per time window at the provider', async () => {
    const rateLimit = { requestsPerMinute: 300, burst: 1 };
    // The provider in a thread of its own, as a remote one is: arrivals are timed on its clock, not delayed by
    // the lookup's work on this thread.
    harness = await intelHarnessWithRemoteTavily({
      fixtures: [...companyFixtures(COMPANIES), ...loadTavilyFixtures()],
      settings: { rateLimits: { tavily: rateLimit } } as SettingsPatch,
    });
    const { services, tavily } = harness;
    const { importId } = seedImport(
      services.db,
      COMPANIES.map((company, i) => ({
        firstName: `Lee${i}`,
        email: `lee${i}@${company.split(' ')[0]!.toLowerCase()}.example`,
        company,
      })),
    );
    const { batchId } = services.enrichment.plan({ importId }, 'standard');
    const batch = services.enrichment.run(batchId);
    // Once the worker is calling, a lookup starts here: the two must share the provider's budget.
    await waitFor(async () => (await tavily.searches()).length > 0);
    const report = await services.intel.lookup('Lumora Analytics');
    const summary = await batch;
    expect(summary).toMatchObject({ status: 'completed', companiesDone: COMPANIES.length });
    expect(report.partial).toEqual([]);

    const searches = await tavily.searches();
    const lookup = searches.filter((r) => JSON.stringify(r.body).includes('Lumora'));
    const enrichment = searches.filter((r) => !JSON.stringify(r.body).includes('Lumora'));
    expect(lookup.length).toBeGreaterThan(1);
    // They overlapped: some of the batch's calls came after the lookup's first.
    expect(enrichment.some((r) => r.receivedAt > lookup[0]!.receivedAt)).toBe(true);
    // One budget: two buckets (one per thread) would let through about twice this.
    expect(
      worstExcess(
        searches.map((r) => r.receivedAt),
        rateLimit,
      ),
    ).toBeLessThanOrEqual(1);
  });
});
