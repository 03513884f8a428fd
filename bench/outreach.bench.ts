// Batch enrichment and drafting at scale: 10,000 leads over 2,000 companies, through the real intelligence
// service (worker thread, rate limiter, cache, SQLite) against a loopback Tavily with a fixed latency.
// The Tavily limit is scaled up from the development key's 100/min so the run takes under a minute; the
// ratio to the rate-limit bound is what matters and does not depend on the scale.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAppServices } from '../src/core/services/app-services';
import { openConfBackend } from '../src/core/settings/conf-backend';
import { FAKE_TAVILY_KEY, startFakeTavily, type TavilyFixture } from '../tests/support/providers/fake-tavily';
import { MemorySecretStore } from '../tests/support/memory-secrets';
import type { SettingsPatch } from '../src/core/settings/settings-service';
import { report, withPeakMemory } from './support/measure';

const LEADS = 10_000;
const COMPANIES = 2_000;
const LATENCY_MS = 20;
const REQUESTS_PER_MINUTE = 12_000;
const BURST = 10;

export async function run(): Promise<void> {
  const fixtures: TavilyFixture[] = Array.from({ length: COMPANIES }, (_, i) => ({
    match: `Bench${i}co`,
    results: [
      {
        title: `Bench${i}co Systems`,
        url: `https://bench${i}co.example/`,
        score: 0.9,
        published_date: '2025-05-01',
        content: `Bench${i}co Systems is a software company headquartered in Austin, Texas. Jane Roe is the Chief Executive Officer of Bench${i}co Systems.`,
      },
    ],
  }));
  const tavily = await startFakeTavily({ latencyMs: LATENCY_MS, fixtures });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-intel-bench-outreach-'));
  const secrets = new MemorySecretStore();
  await secrets.set('tavily', FAKE_TAVILY_KEY);
  const services = createAppServices({
    dataDir,
    settingsBackend: openConfBackend(dataDir),
    secrets,
    env: { TAVILY_BASE_URL: tavily.baseUrl },
  });
  try {
    services.settings.update({
      rateLimits: { tavily: { requestsPerMinute: REQUESTS_PER_MINUTE, burst: BURST } },
      intel: { concurrency: 32, extraction: 'deterministic', retryBaseMs: 10 },
      sender: {
        name: 'Sam Carter',
        company: 'Northwind',
        email: 'sam@northwind.example',
        valueProposition: 'We help teams research accounts in minutes.',
        signature: 'Sam',
      },
    } as SettingsPatch);
    const importId = seedLeads(services.db);

    const batch = services.enrichment.plan({ importId }, 'standard');
    const calls = callTimeline(() => tavily.searches().length);
    const enrich = await withPeakMemory(() => services.enrichment.run(batch.batchId));
    const timeline = calls.stop();
    const total = tavily.searches().length;
    // The least time the limiter allows: the bucket starts full (BURST calls at once), every further call
    // waits 1/rate, and the last one still takes one latency to answer.
    const boundMs = (Math.max(0, total - BURST) / REQUESTS_PER_MINUTE) * 60_000 + LATENCY_MS;
    report(
      `enrichment: ${COMPANIES} companies, ${LEADS} leads (${enrich.result.status})`,
      `${(enrich.wallMs / 1000).toFixed(2)} s`,
      { value: enrich.wallMs / boundMs, goal: '≤ 1.1 × rate-limit bound' },
    );
    report('provider calls per distinct company', (total / COMPANIES).toFixed(2));
    report(
      `  rate-limit bound (${total} calls at ${REQUESTS_PER_MINUTE}/min, burst ${BURST}, + ${LATENCY_MS} ms)`,
      `${(boundMs / 1000).toFixed(2)} s`,
    );
    report('  start-up: run() to first provider call (worker, services)', `${(timeline.firstMs / 1000).toFixed(2)} s`);
    report('  first to last provider call', `${((timeline.lastMs - timeline.firstMs) / 1000).toFixed(2)} s`);
    report('  last provider call to batch result', `${((enrich.wallMs - timeline.lastMs) / 1000).toFixed(2)} s`);

    const drafting = await withPeakMemory(() => services.outreach.draftImport(importId));
    const perSecond = drafting.result.drafted / (drafting.wallMs / 1000);
    report(`template drafts (${drafting.result.drafted}, why-now, stored with lint)`, `${perSecond.toFixed(0)} /s`, {
      value: perSecond / 5000,
      goal: '≥ 1 (5,000 drafts/s)',
    });
    const withFacts = services.db
      .prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM drafts WHERE facts <> '[]'`)
      .get()!.n;
    report(`  drafts citing a company fact (with its source)`, String(withFacts));
    // Writing them all again with another template: the old words become revisions.
    const again = await withPeakMemory(() =>
      services.outreach.draftImport(importId, { template: 'role-first', regenerate: true }),
    );
    const againPerSecond = again.result.drafted / (again.wallMs / 1000);
    report(`  regenerated with role-first (revisions kept)`, `${againPerSecond.toFixed(0)} /s`, {
      value: againPerSecond / 5000,
      goal: '≥ 1 (5,000 drafts/s)',
    });
    report(
      'peak RSS (enrichment / drafting / regenerating)',
      `${enrich.peakRssMb.toFixed(0)} / ${drafting.peakRssMb.toFixed(0)} / ${again.peakRssMb.toFixed(0)} MB`,
    );
  } finally {
    services.close();
    await tavily.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** When the first and the last provider call reached the server, in ms from now (sampled every 5 ms). */
function callTimeline(count: () => number): { stop(): { firstMs: number; lastMs: number } } {
  const started = performance.now();
  let firstMs = Number.NaN;
  let lastMs = Number.NaN;
  let seen = count();
  const timer = setInterval(() => {
    const now = count();
    if (now === seen) return;
    if (Number.isNaN(firstMs)) firstMs = performance.now() - started;
    lastMs = performance.now() - started;
    seen = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return { firstMs, lastMs };
    },
  };
}

function seedLeads(db: ReturnType<typeof createAppServices>['db']): number {
  const importId = Number(
    db
      .prepare(
        `INSERT INTO imports (file_name, file_sha256, file_size, rows_total, imported, status, started_at) VALUES ('bench.csv', 'bench', 0, ?, ?, 'completed', ?)`,
      )
      .run(LEADS, LEADS, new Date().toISOString()).lastInsertRowid,
  );
  const contact = db.prepare(
    `INSERT INTO contacts (first_name, last_name, full_name, email, email_key, title, company_name, company_key, domain) VALUES (?, 'Doe', ?, ?, ?, 'VP of Sales', ?, ?, ?)`,
  );
  const lead = db.prepare('INSERT INTO leads (contact_id, import_id, row_number) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < LEADS; i++) {
      const company = i % COMPANIES;
      const email = `lead${i}@bench${company}co.example`;
      const id = contact.run(
        `Lead${i}`,
        `Lead${i} Doe`,
        email,
        email,
        `Bench${company}co Systems`,
        `bench${company}co`,
        `bench${company}co.example`,
      ).lastInsertRowid;
      lead.run(id, importId, i + 2);
    }
  })();
  return importId;
}
