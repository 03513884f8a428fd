import { testServices } from '../support/services';
import { MemorySecretStore } from '../support/memory-secrets';
import {
  FAKE_TAVILY_KEY,
  loadTavilyFixtures,
  startFakeTavily,
  type FakeTavilyOptions,
} from '../support/providers/fake-tavily';
import { startFakeTavilyThread } from '../support/providers/fake-tavily-thread';
import type { Settings } from '../../src/core/settings/schema';
import type { SettingsPatch } from '../../src/core/settings/settings-service';

type HarnessOptions = {
  settings?: SettingsPatch;
  dataDir?: string;
  llm?: { provider: 'openai' | 'anthropic'; baseUrl: string; key: string };
  /** The lookups' clock (how old a dated page is); the real one by default. */
  clock?: () => number;
};

/** Real services over a temp folder, wired to a fake Tavily on loopback with the realistic fixtures. */
export async function intelHarness(options: FakeTavilyOptions & HarnessOptions = {}) {
  const tavily = await startFakeTavily({ fixtures: loadTavilyFixtures(), ...options });
  return { tavily, ...(await servicesFor(tavily, options)) };
}

/**
 * The same, with the fake Tavily in a thread of its own: for tests that time when requests arrive, which
 * the lookup's own work on the test's thread would otherwise delay.
 */
export async function intelHarnessWithRemoteTavily(options: Omit<FakeTavilyOptions, 'faults'> & HarnessOptions = {}) {
  const tavily = await startFakeTavilyThread({ fixtures: loadTavilyFixtures(), ...options });
  return { tavily, ...(await servicesFor(tavily, options)) };
}

async function servicesFor(tavily: { baseUrl: string; close(): Promise<void> }, options: HarnessOptions) {
  const secrets = new MemorySecretStore();
  await secrets.set('tavily', FAKE_TAVILY_KEY);
  const env: Record<string, string> = { TAVILY_BASE_URL: tavily.baseUrl };
  if (options.llm) {
    await secrets.set(options.llm.provider, options.llm.key);
    env[options.llm.provider === 'openai' ? 'OPENAI_BASE_URL' : 'ANTHROPIC_BASE_URL'] = options.llm.baseUrl;
  }
  const services = testServices({ secrets, env, dataDir: options.dataDir, clock: options.clock });
  const fast: Partial<Settings['intel']> = {
    retryBaseMs: 10,
    requestTimeoutSeconds: 2,
    stepTimeoutSeconds: 10,
    extraction: options.llm ? 'llm' : 'deterministic',
    llmProvider: options.llm?.provider ?? 'openai',
  };
  services.settings.update({
    ...options.settings,
    intel: { ...fast, ...(options.settings?.intel as object) },
  } as SettingsPatch);
  return {
    services,
    secrets,
    async close() {
      services.close();
      await tavily.close();
    },
  };
}
