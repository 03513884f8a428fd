import fs from 'node:fs';
import path from 'node:path';
import type { ProviderId } from '../settings/schema';

/** A value per provider, kept in one small JSON file readable by its owner only. */
export type ProviderRecord = Partial<Record<ProviderId, string>>;

/** The file's record; empty when it does not exist yet. */
export function readProviderFile(file: string): ProviderRecord {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ProviderRecord;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
}

/** Replaces the file whole through a temporary file, so a crash never leaves half a record. */
export function writeProviderFile(file: string, record: ProviderRecord): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(record, null, 2), { mode: 0o600 });
  fs.renameSync(temporary, file);
}
