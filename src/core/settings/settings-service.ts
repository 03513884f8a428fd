import type { z } from 'zod';
import { UserFacingError } from '../errors';
import { settingsSchema, type Settings } from './schema';
import { ENDPOINT_PROVIDER_IDS, type EndpointProviderId } from '../providers/registry';
import { isSecureBaseUrl } from './loopback';

/** The part of `conf` (and electron-store, which extends it) that settings need: the whole object and its file. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export type SettingsPatch = { [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K] };

/** Invalid settings, by field: found in the file (`read`), or in a change that was refused (`update`, `setField`). */
export class SettingsError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly issues: { field: string; message: string }[],
    where: 'file' | 'change' = 'file',
  ) {
    const fields = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    super(
      'invalid_settings',
      where === 'file'
        ? `Settings file ${file} is invalid: ${fields}. Fix or remove that field; nothing was changed.`
        : `Not saved: ${fields}. The settings file ${file} is unchanged.`,
    );
  }
}

export function describeIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message }));
}

/**
 * Validated settings over one JSON file. An invalid file is reported with the field at fault and is
 * never silently reset; writes are validated before they reach the file.
 */
export class SettingsService {
  constructor(private readonly backend: SettingsBackend) {}

  get file(): string {
    return this.backend.path;
  }

  read(): Settings {
    const parsed = settingsSchema.safeParse(this.backend.store);
    if (!parsed.success) throw new SettingsError(this.backend.path, describeIssues(parsed.error));
    return parsed.data;
  }

  update(patch: SettingsPatch): Settings {
    return this.write(mergeSettingsPatch(this.read(), patch));
  }

  /**
   * Sets one setting by its dotted name (`sender.name`, `rateLimits.tavily.requestsPerMinute`); the whole
   * result is validated before it is written. Names that are not settings are refused, never stored.
   */
  setField(name: string, value: unknown): Settings {
    const current = this.read();
    settingAt(current, name); // throws for a name that is not a setting
    return this.write(withValueAt(current, name.split('.'), value));
  }

  private write(next: unknown): Settings {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) throw new SettingsError(this.backend.path, describeIssues(parsed.error), 'change');
    this.backend.store = parsed.data as unknown as Record<string, unknown>;
    return parsed.data;
  }
}

/** A setting's value by its dotted name; a name that is not a setting is refused with the names at its level. */
export function settingAt(settings: Settings, name: string): unknown {
  const keys = name.split('.');
  const parent = keys
    .slice(0, -1)
    .reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), settings);
  const last = keys.at(-1)!;
  if (!isPlainObject(parent) || !Object.hasOwn(parent, last)) {
    const known = isPlainObject(parent) ? Object.keys(parent).map((key) => [...keys.slice(0, -1), key].join('.')) : [];
    throw new UserFacingError(
      'unknown_setting',
      `"${name}" is not a setting${known.length ? `; at that level there are ${known.join(', ')}` : ''}.`,
    );
  }
  return parent[last];
}

/** A copy of `node` with `value` at `keys`, sharing nothing it changed. */
function withValueAt(node: unknown, keys: readonly string[], value: unknown): unknown {
  if (keys.length === 0) return value;
  const [key, ...rest] = keys as [string, ...string[]];
  const object = node as Record<string, unknown>;
  return { ...object, [key]: withValueAt(object[key], rest, value) };
}

/** What `update` validates and writes: each section of the patch over the stored one, field by field. */
export function mergeSettingsPatch(current: Settings, patch: SettingsPatch): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const existing = (current as Record<string, unknown>)[key];
    merged[key] = isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE_URL_VARIABLES = Object.fromEntries(
  ENDPOINT_PROVIDER_IDS.map((id) => [id, `${id.toUpperCase()}_BASE_URL`]),
) as Record<EndpointProviderId, string>;

/** The base URL `TAVILY_BASE_URL`, `OPENAI_BASE_URL`, ... sets for a provider, if any; refused unless https or loopback. */
function baseUrlOverride(provider: EndpointProviderId, env: NodeJS.ProcessEnv): string | undefined {
  const name = BASE_URL_VARIABLES[provider];
  const override = env[name];
  if (override && !isSecureBaseUrl(override))
    throw new UserFacingError(
      'invalid_settings',
      `${name} must be an https URL (plain http only for this machine: localhost, 127.0.0.1 or ::1).`,
    );
  return override || undefined;
}

/** `TAVILY_BASE_URL`, `OPENAI_BASE_URL`, ... take precedence over the settings file (tests, proxies, local models). */
export function withEnvironmentOverrides(settings: Settings, env: NodeJS.ProcessEnv = process.env): Settings {
  const providers = { ...settings.providers };
  for (const id of ENDPOINT_PROVIDER_IDS) {
    const override = baseUrlOverride(id, env);
    if (override) providers[id] = { ...providers[id], baseUrl: override };
  }
  return { ...settings, providers };
}
