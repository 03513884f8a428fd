import { useCallback, useEffect, useState } from 'react';
import { NavigationContext, SCREENS, isMac, modKey, type Destination } from './lib/navigation';
import { ScreenView } from './screens/ScreenView';

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
                  <span>{screen.label}</span>
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
    </NavigationContext.Provider>
  );
}

function screenKey(destination: Destination): string {
  return `${destination.screen}:${destination.companyId ?? ''}:${destination.leadId ?? ''}:${destination.importId ?? ''}`;
}

