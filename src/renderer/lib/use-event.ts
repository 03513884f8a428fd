import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../core/ipc/contract';
import { crm } from './crm';

/** Listens to one of main's progress events while the component is mounted; the latest listener is used. */
export function useCrmEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => crm().on(event, (payload) => ref.current(payload)), [event]);
}
