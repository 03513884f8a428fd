import { useState } from 'react';
import { crm, errorCode, errorMessage } from '../../lib/crm';
import { useNavigate } from '../../lib/navigation';
import { generatorOptions, type Drafting } from '../drafts/DraftingOptions';
import { heldBackClause } from '../drafts/held-back';

/**
 * Drafts an email for every lead of an import that has none yet (with the template, or as `drafting`
 * says), then offers the review queue.
 */
export function GenerateDrafts({ importId, drafting }: { importId: number; drafting?: Drafting }) {
  const navigate = useNavigate();
  const [state, setState] = useState<
    | { kind: 'idle' | 'busy' }
    | { kind: 'done'; text: string }
    | { kind: 'error'; text: string; code: string | undefined }
  >({ kind: 'idle' });
  const generate = async () => {
    setState({ kind: 'busy' });
    try {
      const result = await crm()['drafts:generate']({ importId, ...(drafting && generatorOptions(drafting)) });
      const parts = [
        `${result.drafted} drafted`,
        result.skipped ? `${result.skipped} already had one` : '',
        result.llmFallbacks ? `${result.llmFallbacks} from the template instead of the LLM (each draft says why)` : '',
        heldBackClause(result.heldBack),
      ];
      setState({ kind: 'done', text: `${parts.filter(Boolean).join(', ')}.` });
    } catch (error) {
      setState({ kind: 'error', text: errorMessage(error), code: errorCode(error) });
    }
  };
  return (
    <span className="generate-drafts">
      <span
        className={state.kind === 'error' ? 'field-error' : 'muted'}
        role={state.kind === 'error' ? 'alert' : 'status'}
      >
        {state.kind === 'done' || state.kind === 'error' ? state.text : ''}
      </span>
      {state.kind === 'error' && state.code === 'sender_profile_empty' && (
        // Nothing can be drafted until the sender says who they are: the way there, in one click.
        <button type="button" onClick={() => navigate({ screen: 'settings' })}>
          Open sender settings
        </button>
      )}
      {state.kind === 'done' ? (
        <button type="button" className="button-primary" onClick={() => navigate({ screen: 'drafts', importId })}>
          Review drafts
        </button>
      ) : (
        <button type="button" onClick={() => void generate()} disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Generating…' : `Generate drafts for import #${importId}`}
        </button>
      )}
    </span>
  );
}
