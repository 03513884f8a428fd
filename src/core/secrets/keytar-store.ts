import { PROVIDER_IDS, SECRET_VARIABLES, type ProviderId } from '../providers/registry';
import { KeychainUnavailableError, type KeychainAvailability, type SecretStore } from './secret-store';

export const KEYCHAIN_SERVICE = 'crm-intelligence';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<{ account: string; password: string }[]>;
}

const INSTALL_HINT =
  'On Linux the keychain needs libsecret and a running Secret Service (GNOME Keyring or KWallet): on Debian or ' +
  'Ubuntu run `sudo apt-get install libsecret-1-0 gnome-keyring` (and `npm rebuild keytar` if keytar failed to build), ' +
  'inside a desktop session or a D-Bus session with an unlocked gnome-keyring-daemon. ' +
  `On the command line you can instead set ${Object.values(SECRET_VARIABLES).join(', ')}.`;

/**
 * API keys in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux):
 * service `crm-intelligence`, one account per provider. A keychain that cannot be reached is reported
 * on use with what to install, so commands that need no key still work.
 */
export class KeytarSecretStore implements SecretStore {
  constructor(
    private readonly keytar: Keytar | Error,
    /** Another service name keeps test keys apart from the user's. */
    private readonly service: string = KEYCHAIN_SERVICE,
  ) {}

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    if (this.keytar instanceof Error)
      throw new KeychainUnavailableError(`The OS keychain module could not be loaded. ${INSTALL_HINT}`, {
        cause: this.keytar,
      });
    try {
      return await operation(this.keytar);
    } catch (error) {
      throw new KeychainUnavailableError(`The OS keychain did not answer (${describe(error)}). ${INSTALL_HINT}`, {
        cause: error,
      });
    }
  }

  get(provider: ProviderId): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, provider));
  }

  set(provider: ProviderId, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, provider, secret));
  }

  delete(provider: ProviderId): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, provider));
  }

  async configured(): Promise<Record<ProviderId, boolean>> {
    const credentials = await this.call((k) => k.findCredentials(this.service));
    const accounts = new Set(credentials.map((c) => c.account));
    return Object.fromEntries(PROVIDER_IDS.map((id) => [id, accounts.has(id)])) as Record<ProviderId, boolean>;
  }

  async availability(): Promise<KeychainAvailability> {
    try {
      await this.call((k) => k.findCredentials(this.service));
      return { available: true };
    } catch (error) {
      return { available: false, problem: (error as Error).message };
    }
  }
}

/** Keeps only the first line of a native error: never the secret, never a stack. */
function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}

/**
 * Loads keytar, by default the copy in node_modules (built for Node). The Electron main process passes a
 * loader for a copy built for Electron's ABI when it runs unpackaged.
 */
export async function loadKeytarSecretStore(
  load: () => unknown = () => import('keytar'),
  service?: string,
): Promise<KeytarSecretStore> {
  try {
    const module = (await load()) as { default?: Keytar } & Keytar;
    return new KeytarSecretStore(module.default ?? module, service);
  } catch (error) {
    return new KeytarSecretStore(error instanceof Error ? error : new Error(String(error)), service);
  }
}
