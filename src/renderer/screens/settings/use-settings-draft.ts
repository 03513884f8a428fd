import { useState } from 'react';
import type { Settings } from '../../../core/settings/schema';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A form's working copy of the settings. Several forms on the Settings screen show the same sections (the
 * LLM model is in Providers and in Intelligence): when one saves, every section another form has not edited
 * follows the saved value, so a later save there cannot write back an old one.
 */
export function useSettingsDraft(saved: Settings) {
  const [draft, setDraft] = useState<Settings>(saved);
  const [shown, setShown] = useState<Settings>(saved);
  if (shown !== saved) {
    setShown(saved);
    setDraft((current) => {
      const next = { ...current } as Record<string, unknown>;
      for (const key of Object.keys(saved) as (keyof Settings)[])
        if (same(current[key], shown[key])) next[key] = saved[key];
      return next as Settings;
    });
  }
  return [draft, setDraft] as const;
}
