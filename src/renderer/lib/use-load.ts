import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './crm';

export type Load<T> =
  | { state: 'loading'; data?: T; reload: () => void }
  | { state: 'error'; error: string; data?: T; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void; set: (data: T) => void };

/**
 * Runs `loader` when `key` changes and on `reload()`; answers from an older key are dropped, so a slow
 * response never overwrites a newer one. Data from the previous load stays visible while reloading.
 */
export function useLoad<T>(loader: () => Promise<T>, key: string): Load<T> {
  const [state, setState] = useState<{ state: 'loading' | 'error' | 'ready'; data?: T; error?: string }>({
    state: 'loading',
  });
  const [generation, setGeneration] = useState(0);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  useEffect(() => {
    let current = true;
    setState((previous) => ({ state: 'loading', data: previous.data }));
    loaderRef.current().then(
      (data) => current && setState({ state: 'ready', data }),
      (error: unknown) =>
        current && setState((previous) => ({ state: 'error', error: errorMessage(error), data: previous.data })),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const set = useCallback((data: T) => setState({ state: 'ready', data }), []);
  if (state.state === 'ready') return { state: 'ready', data: state.data as T, reload, set };
  if (state.state === 'error') return { state: 'error', error: state.error ?? '', data: state.data, reload };
  return { state: 'loading', data: state.data, reload };
}
