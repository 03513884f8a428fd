import { createContext, useContext } from 'react';

export const SCREENS = [
  { id: 'lookup', label: 'Lookup', shortcut: '1' },
  { id: 'leads', label: 'Leads', shortcut: '2' },
  { id: 'drafts', label: 'Drafts', shortcut: '3' },
  { id: 'runs', label: 'Runs', shortcut: '4' },
  { id: 'settings', label: 'Settings', shortcut: '5' },
  { id: 'alerts', label: 'Alerts', shortcut: '6' },
  // Issue 14, companies: the list of every company researched or imported.
  { id: 'companies', label: 'Companies', shortcut: '7' },
  // Issue 14, research library: the analyst's own documents, indexed and searched.
  { id: 'library', label: 'Library', shortcut: '8' },
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

/** Where a screen can send the analyst: another screen, optionally with something to open there. */
export type Destination = {
  screen: ScreenId;
  companyId?: number;
  /** The company's name, so a company never looked up can be looked up from where it was opened. */
  companyName?: string;
  leadId?: number;
  importId?: number;
};

export const NavigationContext = createContext<(destination: Destination) => void>(() => {});

export function useNavigate(): (destination: Destination) => void {
  return useContext(NavigationContext);
}

/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
export const modKey = isMac ? '⌘' : 'Ctrl';

/** Typing in a field must not trigger single-key shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
