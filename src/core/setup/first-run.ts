import { PROVIDERS } from '../providers/registry';
import type { Settings } from '../settings/schema';
import type { KeychainAvailability, SecretStore } from '../secrets/secret-store';
import { SAMPLE_COMPANY, type SampleData } from './sample-data';

/** What a newcomer has set up: whether anything can be searched, and whether the sample data is in use. */
export interface SetupState {
  /** A search provider (Tavily) is enabled and has a key. */
  searchKey: boolean;
  researchFolder: string;
  /** The shipped sample data, when this build has it. */
  sample: { available: boolean; inUse: boolean; company: string };
  /** Nothing can be searched: no search key and no research folder. */
  needsSetup: boolean;
  /** What to do, in one message, while `needsSetup`. */
  message: string | null;
}

const SEARCH_PROVIDERS = PROVIDERS.filter((p) => p.kind === 'search');

export async function setupState(
  settings: Settings,
  secrets: Pick<SecretStore, 'configured' | 'availability'>,
  sample: SampleData | undefined,
  surface: Surface,
): Promise<SetupState> {
  const keys = await secrets.configured();
  const searchKey = SEARCH_PROVIDERS.some((p) => keys[p.id] && settings.providers[p.id].enabled);
  const needsSetup = !searchKey && !settings.researchFolder;
  return {
    searchKey,
    researchFolder: settings.researchFolder,
    sample: {
      available: sample !== undefined,
      inUse: sample !== undefined && settings.researchFolder === sample.researchFolder,
      company: SAMPLE_COMPANY,
    },
    needsSetup,
    message: needsSetup ? nothingToSearchMessage(surface, await secrets.availability(), sample !== undefined) : null,
  };
}

/** Where the message is read: the app names its buttons and screens, the command line its commands. */
export type Surface = 'app' | 'cli' | 'both';

/**
 * The one message a newcomer gets while nothing can be searched: what is missing, then each way out, the
 * quickest (the fictional sample data) first. A lookup that finds nothing to search says the same.
 */
export function nothingToSearchMessage(surface: Surface, keychain: KeychainAvailability, hasSample = true): string {
  const say = (app: string, cli: string) =>
    surface === 'app' ? app : surface === 'cli' ? cli : `${app}, or on the command line ${cli}`;
  const noKeychain = keychain.available
    ? ''
    : ' (this computer has no usable keychain, so set the TAVILY_API_KEY environment variable instead)';
  const steps = [
    hasSample &&
      `To try it now with sample data about a fictional company (${SAMPLE_COMPANY}): ${say('choose "Use the sample data"', 'crm-intel sample use')}.`,
    `To search the web: add a Tavily key, ${say('under Settings > API keys', 'crm-intel keys set tavily')}${surface === 'app' ? '' : noKeychain}.`,
    `To search your own documents: ${say('choose a research folder under Settings', 'crm-intel settings set researchFolder DIR')}.`,
  ].filter(Boolean);
  return ['Nothing can be searched yet: there is no Tavily key and no research folder.', ...steps].join(' ');
}
