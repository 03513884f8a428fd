import type { z } from 'zod';
import { UserFacingError } from '../errors';
import { settingsSchema, type Settings, PROVIDER_IDS } from './schema';

/** The part of `conf` (and electron-store, which extends it) that settings need: the whole object and its file. */
export interface SettingsBackend {
  readonly path: string;
  store: Record<string, unknown>;
}

export type SettingsPatch = { [K in keyof Settings]?: Settings[K] extends object ? Partial<Settings[K]> : Settings[K] };

export class SettingsError extends UserFacingError {
  constructor(
    readonly file: string,
    readonly issues: { field: string; message: string }[],
  ) {
    super('invalid_settings', `Settings file ${file} is invalid: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}. Fix or remove that field; nothing was changed.`);
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
    const current = this.read();
    const merged = mergeSections(current, patch);
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) throw new SettingsError(this.backend.path, describeIssues(parsed.error));
    this.backend.store = parsed.data as unknown as Record<string, unknown>;
    return parsed.data;
  }
}

function mergeSections(current: Settings, patch: SettingsPatch): Record<string, unknown> {
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

const BASE_URL_VARIABLES = Object.fromEntries(PROVIDER_IDS.map((id) => [id, `${id.toUpperCase()}_BASE_URL`])) as Record<
  (typeof PROVIDER_IDS)[number],
  string
>;

/** `TAVILY_BASE_URL`, `OPENAI_BASE_URL`, ... take precedence over the settings file (tests, proxies, local models). */
export function withEnvironmentOverrides(settings: Settings, env: NodeJS.ProcessEnv = process.env): Settings {
  const providers = { ...settings.providers };
  for (const id of PROVIDER_IDS) {
    const override = env[BASE_URL_VARIABLES[id]];
    if (override) providers[id] = { ...providers[id], baseUrl: override };
  }
  return { ...settings, providers };
}
