import { createContext, useContext } from 'react';

/** Reloads the navigation's unread-alerts badge; screens that mark alerts read call it. */
export const UnreadAlertsContext = createContext<() => void>(() => {});

export function useReloadUnreadAlerts(): () => void {
  return useContext(UnreadAlertsContext);
}
