import type { Settings } from '../../../core/settings/schema';
import type { SettingsPatch } from '../../../core/settings/settings-service';
import type { FieldIssues } from './field-issues';

/** What each intelligence settings form gets from `IntelligenceSettings`: one draft, one save, one set of issues. */
export interface CardProps {
  saved: Settings;
  draft: Settings;
  edit: (change: (draft: Settings) => Settings) => void;
  /** Checks the patch beside each field (`errors`), then saves it; throws the summary when refused. */
  save: (patch: SettingsPatch, shown: (field: string) => boolean) => Promise<void>;
  errors: FieldIssues;
}

/** Whether two settings values are the same, as they would be written. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
