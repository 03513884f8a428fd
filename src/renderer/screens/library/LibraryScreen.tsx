import { useState } from 'react';
import type { PickedFile } from '../../../core/ipc/file-tokens';
import { crm, errorMessage } from '../../lib/crm';
import { useLoad } from '../../lib/use-load';
import { ErrorBanner, Skeleton } from '../../components/feedback';
import { PathField } from '../../components/PathField';
import { LibraryIndex } from './LibraryIndex';
import { LibrarySearch } from './LibrarySearch';

/**
 * The research library: the folder of the analyst's own documents (notes, saved pages, PDFs) that lookups
 * search beside the web. Choose it, index it, search it and open a hit's file at its page.
 */
export function LibraryScreen() {
  const settings = useLoad(() => crm()['settings:get'](), 'settings');
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (folder: PickedFile) => {
    setError(null);
    try {
      await crm()['settings:update']({ researchFolder: folder.token });
      setPicked(folder);
      settings.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const stored = settings.data?.researchFolder ?? '';
  const folder = picked?.token === stored ? picked.path : stored;
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>Research library</h1>
        <p className="muted">
          Your own documents (Markdown, text, HTML, PDF), searched here and by every lookup, without a key or the
          network.
        </p>
      </header>
      {settings.state === 'error' && <ErrorBanner message={settings.error} onRetry={settings.reload} />}
      {!settings.data && settings.state === 'loading' && <Skeleton lines={2} label="Loading the library" />}
      {settings.data && (
        <section className="card" aria-label="Research folder">
          <PathField label="Research folder" path={folder} onChange={(f) => void choose(f)} mode="folder" />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {folder ? (
            <LibraryIndex key={folder} />
          ) : (
            <p className="muted">Choose the folder that holds your research documents, then index it.</p>
          )}
        </section>
      )}
      {folder && <LibrarySearch />}
    </div>
  );
}
