import { useCallback, useEffect, useState } from 'react';
import { NavigationContext, SCREENS, isMac, modKey, type Destination } from './lib/navigation';
import { ScreenView } from './screens/ScreenView';
import { crm } from './lib/crm';
import { useLoad } from './lib/use-load';
import { UnreadAlertsContext } from './lib/unread-alerts';

/**
 * The window: a sidebar of screens and the current screen. Ctrl/⌘+1..5 switch screens from anywhere;
 * the main region takes focus on a switch so keyboard users land in the new screen.
 */
export function App({ initial = { screen: 'lookup' } }: { initial?: Destination }) {
  const [destination, setDestination] = useState<Destination>(initial);
  const navigate = useCallback((next: Destination) => {
    setDestination(next);
    requestAnimationFrame(() => document.getElementById('main')?.focus());
  }, []);

  // Counted again on every screen switch, and when the inbox marks alerts read.
  const unread = useLoad(() => crm()['alerts:unreadCount']({}), screenKey(destination));
  const unreadCount = unread.data?.count ?? 0;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey || event.shiftKey) return;
      const screen = SCREENS.find((s) => s.shortcut === event.key);
      if (!screen) return;
      event.preventDefault();
      navigate({ screen: screen.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <NavigationContext.Provider value={navigate}>
      <UnreadAlertsContext.Provider value={unread.reload}>
        <div className="app">
          <a className="skip-link" href="#main">
            Skip to content
          </a>
          <nav className="sidebar" aria-label="Screens">
            <div className="brand">CRM Intelligence</div>
            <ul>
              {SCREENS.map((screen) => (
                <li key={screen.id}>
                  <button
                    type="button"
                    className="nav-item"
                    aria-current={destination.screen === screen.id ? 'page' : undefined}
                    onClick={() => navigate({ screen: screen.id })}
                    title={`${screen.label} (${modKey}+${screen.shortcut})`}
                  >
                    <span>
                      {screen.label}
                      {screen.id === 'alerts' && unreadCount > 0 && (
                        <span className="nav-count" aria-label={`${unreadCount} unread`}>
                          {unreadCount}
                        </span>
                      )}
                    </span>
                    <kbd aria-hidden="true">
                      {modKey}+{screen.shortcut}
                    </kbd>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" className="content" tabIndex={-1}>
            <ScreenView key={screenKey(destination)} destination={destination} />
          </main>
        </div>
      </UnreadAlertsContext.Provider>
    </NavigationContext.Provider>
  );
}

function screenKey(destination: Destination): string {
  return `${destination.screen}:${destination.companyId ?? ''}:${destination.leadId ?? ''}:${destination.importId ?? ''}`;
}
