import { z } from 'zod';

const tag = z
  .string()
  .trim()
  .min(1, 'a tag must not be empty')
  .max(60)
  .regex(/^[^,]+$/, 'a tag must not contain a comma');

/**
 * What an analyst changes on one lead or a selection. A field left out stays as it is; `owner` and `notes`
 * set to null are cleared; tags are added and removed, so a selection's other tags survive.
 */
export const leadChangeSchema = z
  .object({
    status: z.string().trim().min(1).max(40).optional(),
    owner: z.string().trim().max(200).nullable().optional(),
    addTags: z.array(tag).max(20).optional(),
    removeTags: z.array(tag).max(20).optional(),
    notes: z.string().max(10_000).nullable().optional(),
  })
  .refine(
    (change) =>
      change.status !== undefined ||
      change.owner !== undefined ||
      change.notes !== undefined ||
      (change.addTags?.length ?? 0) > 0 ||
      (change.removeTags?.length ?? 0) > 0,
    'says nothing to change (status, owner, tags or notes)',
  );
export type LeadChange = z.infer<typeof leadChangeSchema>;

export const LEAD_EDIT_FIELDS = ['status', 'owner', 'tags', 'notes'] as const;
export type LeadEditField = (typeof LEAD_EDIT_FIELDS)[number];

/** A lead's editable fields as stored. */
export interface LeadFields {
  status: string | null;
  owner: string | null;
  tags: string[];
  notes: string | null;
}

export const fieldChangeSchema = z.object({
  field: z.enum(LEAD_EDIT_FIELDS),
  from: z.union([z.string(), z.array(z.string())]).nullable(),
  to: z.union([z.string(), z.array(z.string())]).nullable(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** The `detail` of an `edited` activity (and of `edit_undone`, which also names the activity it undoes). */
export const editActivitySchema = z.object({
  batch: z.string(),
  changes: z.array(fieldChangeSchema),
  undoes: z.number().int().optional(),
});
export type EditActivity = z.infer<typeof editActivitySchema>;

export const editResultSchema = z.object({
  /** Names this edit for undo; the same for every lead of a selection. */
  batch: z.string(),
  /** Leads whose fields changed (a lead already so is left without an activity). */
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type EditResult = z.infer<typeof editResultSchema>;

export const undoResultSchema = z.object({
  /** The edit undone; null when there was nothing to undo. */
  batch: z.string().nullable(),
  reverted: z.number().int(),
  /** Leads changed again since the edit: left as they are, each with why. */
  skipped: z.array(z.object({ leadId: z.number().int(), reason: z.string() })),
});
export type UndoResult = z.infer<typeof undoResultSchema>;
