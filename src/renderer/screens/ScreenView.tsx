import type { Destination } from '../lib/navigation';
import { SettingsScreen } from './settings/SettingsScreen';

export function ScreenView({ destination }: { destination: Destination }) {
  switch (destination.screen) {
    case 'settings':
      return <SettingsScreen />;
    default:
      return <SettingsScreen />;
  }
}
