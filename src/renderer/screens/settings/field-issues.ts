import type { z } from 'zod';
import { settingsSchema, type Settings } from '../../../core/settings/schema';
import { describeIssues, mergeSettingsPatch, type SettingsPatch } from '../../../core/settings/settings-service';

/** A refused value's message per dotted setting name (`leads.customStatuses.2`), as the fields show them. */
export type FieldIssues = Record<string, string>;

/**
 * The problems `settings:update` would refuse `patch` for, checked in the page with the same schema and
 * merge as main, so each message can sit beside its field instead of in one line above the Save button.
 */
export function patchIssues(saved: Settings, patch: SettingsPatch): FieldIssues {
  const parsed = settingsSchema.safeParse(mergeSettingsPatch(saved, patch), { error: besideTheField });
  if (parsed.success) return {};
  const issues: FieldIssues = {};
  for (const { field, message } of describeIssues(parsed.error)) issues[field] ??= message;
  return issues;
}

/** The summary for the form's alert: how many fields to fix, and any problem no field on the form shows. */
export function issuesSummary(issues: FieldIssues, shown: (field: string) => boolean): string {
  const fields = Object.keys(issues);
  const elsewhere = fields.filter((field) => !shown(field)).map((field) => `${field}: ${issues[field]}`);
  const count = fields.length - elsewhere.length;
  return [
    'Not saved.',
    count > 0 && `${count === 1 ? 'One field needs' : `${count} fields need`} a fix, shown beside it.`,
    ...elsewhere,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Zod's own wording ("Too small: expected number to be >=0") said as a field's note; messages the schema
 * words itself (status names, URLs) are kept, since they take precedence over this map.
 */
function besideTheField(issue: z.core.$ZodRawIssue): string | undefined {
  const inclusive = 'inclusive' in issue && issue.inclusive !== false;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'enter a number';
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'must be a whole number';
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `must be ${inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `must be ${inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'array') return `at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'too_big' && issue.origin === 'string') return `at most ${String(issue.maximum)} characters`;
  return undefined;
}
