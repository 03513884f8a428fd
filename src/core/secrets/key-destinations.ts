import path from 'node:path';
import { UserFacingError } from '../errors';
import { defaultSettings, type Settings } from '../settings/schema';
import { isEndpointProvider, providerById, type EndpointProviderId } from '../providers/registry';
import { isSecureBaseUrl } from '../settings/loopback';
import { SettingsService, withEnvironmentOverrides, type SettingsBackend } from '../settings/settings-service';
import type { SecretStore } from './secret-store';
import { readProviderFile, writeProviderFile } from './provider-file';

export const KEY_DESTINATIONS_FILE_NAME = 'key-destinations.json';

/** Thrown instead of handing out a stored key for a base URL the analyst has not confirmed. */
export class BaseUrlUnconfirmedError extends UserFacingError {
  constructor(
    readonly provider: EndpointProviderId,
    readonly baseUrl: string,
  ) {
    const name = providerById(provider).label;
    super(
      'base_url_unconfirmed',
      `The ${name} base URL is now ${baseUrl}, which you have not confirmed: the stored ${name} key is not sent there until you confirm it, and nothing that needs it runs. ` +
        `Confirm the address in the app (Settings, API keys), or save the key again (crm-intel keys set ${provider}); ` +
        `if you did not set it, set the base URL back (Settings, or crm-intel settings set providers.${provider}.baseUrl URL).`,
    );
  }
}

/** One spelling per address, so `https://x/v1/` and `https://x/v1` count as the same destination. */
function normalise(url: string): string {
  try {
    return new URL(url).href.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/**
 * The base URL the analyst confirmed for each provider's stored key, in its own file in the data folder
 * (0600). It is kept apart from the settings file on purpose: `settings:update` can change a base URL,
 * but nothing the renderer sends can confirm one; only a key saved by the analyst, or main's own
 * confirmation dialog, writes here.
 */
export class KeyDestinations {
  constructor(readonly file: string) {}

  confirmed(provider: EndpointProviderId): string | undefined {
    return readProviderFile(this.file)[provider];
  }

  confirm(provider: EndpointProviderId, baseUrl: string): void {
    writeProviderFile(this.file, { ...readProviderFile(this.file), [provider]: normalise(baseUrl) });
  }
}

/** What decides where a key may go: the confirmations, and the base URLs as stored and as in effect. */
export interface KeyBinding {
  destinations: KeyDestinations;
  /** The settings file. */
  stored: () => Settings;
  /** The settings file with the environment's base URL overrides (`TAVILY_BASE_URL`, ...). */
  effective: () => Settings;
}

export function keyBindingFor(dataDir: string, stored: () => Settings, effective: () => Settings): KeyBinding {
  return { destinations: new KeyDestinations(path.join(dataDir, KEY_DESTINATIONS_FILE_NAME)), stored, effective };
}

/** The binding over a settings file and an environment, as the desktop app and the command line assemble it. */
export function keyBindingOver(dataDir: string, backend: SettingsBackend, env: NodeJS.ProcessEnv): KeyBinding {
  const settings = new SettingsService(backend);
  return keyBindingFor(
    dataDir,
    () => settings.read(),
    () => withEnvironmentOverrides(settings.read(), env),
  );
}

/**
 * Where a provider's key would go now, and whether it may: the built-in address, one set by the
 * environment (whoever sets the app's environment chose the key too), or the one the analyst confirmed.
 */
export function keyDestination(
  provider: EndpointProviderId,
  binding: KeyBinding,
): { baseUrl: string; confirmed: boolean } {
  const baseUrl = binding.effective().providers[provider].baseUrl;
  const fromEnvironment = baseUrl !== binding.stored().providers[provider].baseUrl;
  const trusted = [defaultSettings().providers[provider].baseUrl, binding.destinations.confirmed(provider)];
  return {
    baseUrl,
    confirmed: fromEnvironment || trusted.some((url) => url !== undefined && normalise(url) === normalise(baseUrl)),
  };
}

/**
 * Records the analyst's confirmation of the base URL they were shown. If it changed since (another window,
 * the command line), nothing is recorded: they confirm what they saw, not what is there now.
 */
export function confirmKeyDestination(provider: EndpointProviderId, shownBaseUrl: string, binding: KeyBinding): void {
  const { baseUrl } = keyDestination(provider, binding);
  if (normalise(shownBaseUrl) !== normalise(baseUrl))
    throw new UserFacingError(
      'base_url_changed',
      `The ${provider} base URL is now ${baseUrl}: check it and confirm again.`,
    );
  binding.destinations.confirm(provider, baseUrl);
}

/**
 * `store`, except that a key is handed out only for a confirmed base URL: a changed base URL (a settings
 * file edited by someone else, a renderer that set it) never receives the key until the analyst confirms
 * it. Saving a key confirms the base URL it was saved for. A provider whose secret is its address (a
 * webhook) has no base URL to confirm: its address is checked as it is saved.
 */
export function keysForConfirmedBaseUrls(store: SecretStore, binding: KeyBinding): SecretStore {
  return {
    async get(provider) {
      const key = await store.get(provider);
      if (key === null || !isEndpointProvider(provider)) return key;
      const { baseUrl, confirmed } = keyDestination(provider, binding);
      if (!confirmed) throw new BaseUrlUnconfirmedError(provider, baseUrl);
      return key;
    },
    async set(provider, secret) {
      if (providerById(provider).auth.type === 'secret-url' && !isSecureBaseUrl(secret)) {
        // Never echo the address: it carries the webhook's token.
        throw new UserFacingError(
          'invalid_webhook_url',
          `The ${providerById(provider).label} address must be an https URL (plain http only for this machine); nothing was stored.`,
        );
      }
      await store.set(provider, secret);
      if (isEndpointProvider(provider))
        binding.destinations.confirm(provider, keyDestination(provider, binding).baseUrl);
    },
    delete: (provider) => store.delete(provider),
    configured: () => store.configured(),
    availability: () => store.availability(),
  };
}
