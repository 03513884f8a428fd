import { useNavigate } from '../lib/navigation';
import { Notice } from './feedback';

/** Shown while no API key is set: what still works and how to add a key. */
export function OfflineNotice({ showLink = false }: { showLink?: boolean }) {
  const navigate = useNavigate();
  return (
    <Notice tone="info">
      <strong>No API key is set.</strong> Lookups use your local research library and drafts use templates; both work
      offline. Add a Tavily key under API keys to search the web, and an LLM key for richer extraction and drafts.
      {showLink && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => navigate({ screen: 'settings' })}>
            Open Settings
          </button>
        </>
      )}
    </Notice>
  );
}
