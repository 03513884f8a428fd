import type { Request } from '../../../core/ipc/contract';
import type { DraftLength, Tone } from '../../../core/outreach/draft-schema';
import { crm } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';

type LlmProviderId = NonNullable<Request<'drafts:generate'>['provider']>;

/** How the next drafts are written: the template, or an LLM provider (and model), in a tone and length. */
export interface Drafting {
  provider: LlmProviderId | null;
  model: string;
  tone: Tone;
  length: DraftLength;
}

export const TEMPLATE_DRAFTING: Drafting = { provider: null, model: '', tone: 'friendly', length: 'medium' };

/** The generator options of `drafts:generate` and `drafts:regenerate` for a choice. */
export function generatorOptions(
  drafting: Drafting,
): Pick<Request<'drafts:generate'>, 'llm' | 'provider' | 'model' | 'tone' | 'length'> {
  const { provider, model, tone, length } = drafting;
  return provider ? { llm: true, provider, model: model.trim() || undefined, tone, length } : { length };
}

const TONES: Record<Tone, string> = { friendly: 'Friendly', formal: 'Formal', direct: 'Direct' };
const LENGTHS: Record<DraftLength, string> = {
  short: 'Short (up to 90 words)',
  medium: 'Medium (up to 150 words)',
  long: 'Long (up to 220 words)',
};

/**
 * The choice of writer: the built-in template, or one of the LLM providers with its model from settings
 * (another may be typed). A provider that is not ready is listed with what it lacks; an LLM draft that
 * breaks a rule is replaced by the template's, and the draft says why.
 */
export function DraftingOptions({ value, onChange }: { value: Drafting; onChange: (next: Drafting) => void }) {
  const providers = useLoad(() => crm()['drafts:llmProviders'](), 'drafting-providers');
  const chosen = providers.data?.find((p) => p.id === value.provider);
  const set = (change: Partial<Drafting>) => onChange({ ...value, ...change });
  return (
    <fieldset className="drafting-options" aria-label="How drafts are written">
      <div className="field">
        <label htmlFor="drafting-writer">Written by</label>
        <select
          id="drafting-writer"
          value={value.provider ?? ''}
          onChange={(e) => set({ provider: (e.target.value || null) as LlmProviderId | null, model: '' })}
        >
          <option value="">Template (no LLM)</option>
          {providers.data?.map((p) => (
            <option key={p.id} value={p.id} disabled={p.problem !== null}>
              {p.label}
              {p.problem ? ` (${p.problem})` : ` · ${p.model || 'type a model'}`}
            </option>
          ))}
        </select>
      </div>
      {value.provider && (
        <>
          <div className="field">
            <label htmlFor="drafting-model">Model</label>
            <input
              id="drafting-model"
              value={value.model}
              maxLength={200}
              placeholder={chosen?.model || 'model name'}
              onChange={(e) => set({ model: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="drafting-tone">Tone</label>
            <select id="drafting-tone" value={value.tone} onChange={(e) => set({ tone: e.target.value as Tone })}>
              {Object.entries(TONES).map(([tone, label]) => (
                <option key={tone} value={tone}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="drafting-length">Length</label>
        <select
          id="drafting-length"
          value={value.length}
          onChange={(e) => set({ length: e.target.value as DraftLength })}
        >
          {Object.entries(LENGTHS).map(([length, label]) => (
            <option key={length} value={length}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
