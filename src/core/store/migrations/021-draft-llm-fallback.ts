import type { Migration } from '../migrate';

/**
 * Why a draft is the template's when the analyst asked the LLM for it (the LLM failed, or its draft broke a
 * rule): kept on the draft so the review screen shows it beside the words, not only on the lead's timeline.
 * Null for a draft written as asked. Earlier drafts keep null: the reason is still in their activity.
 */
export const draftLlmFallback: Migration = {
  version: 21,
  name: 'why a draft fell back from the LLM to the template',
  up: (db) => db.exec('ALTER TABLE drafts ADD COLUMN llm_fallback TEXT'),
};
