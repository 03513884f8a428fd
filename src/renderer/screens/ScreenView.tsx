import type { Destination } from '../lib/navigation';
import { SettingsScreen } from './settings/SettingsScreen';
import { LookupScreen } from './lookup/LookupScreen';
import { LeadsScreen } from './leads/LeadsScreen';
import { DraftsScreen } from './drafts/DraftsScreen';
import { RunsScreen } from './runs/RunsScreen';
import { AlertsScreen } from './alerts/AlertsScreen';
import { CompaniesScreen } from './companies/CompaniesScreen';
import { LibraryScreen } from './library/LibraryScreen';

export function ScreenView({ destination }: { destination: Destination }) {
  switch (destination.screen) {
    case 'lookup':
      return <LookupScreen companyId={destination.companyId} companyName={destination.companyName} />;
    case 'leads':
      return <LeadsScreen leadId={destination.leadId} importId={destination.importId} />;
    case 'drafts':
      return <DraftsScreen importId={destination.importId} leadId={destination.leadId} />;
    case 'runs':
      return <RunsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'alerts':
      return <AlertsScreen />;
    case 'companies':
      return <CompaniesScreen />;
    case 'library':
      return <LibraryScreen />;
  }
}
