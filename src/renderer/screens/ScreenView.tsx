import { EmptyState } from '../components/feedback';
import { SCREENS, type Destination, type ScreenId } from '../lib/navigation';
import { SettingsScreen } from './settings/SettingsScreen';

/**
 * Screens whose back-end channels are not in the IPC contract yet say so plainly instead of pretending.
 * Their views (ReportView, VirtualTable, DraftReview, RunHistory) are built and tested; each is wired
 * here as its channels land.
 */
const NOT_CONNECTED: Record<Exclude<ScreenId, 'settings'>, string> = {
  lookup: 'Company lookup needs the intelligence channels, which this build does not have yet.',
  leads: 'Lead import and the leads table need the import channels, which this build does not have yet.',
  drafts: 'Draft review needs the outreach channels, which this build does not have yet.',
  runs: 'Run history needs the intelligence channels, which this build does not have yet.',
};

export function ScreenView({ destination }: { destination: Destination }) {
  if (destination.screen === 'settings') return <SettingsScreen />;
  const label = SCREENS.find((s) => s.id === destination.screen)?.label ?? destination.screen;
  return (
    <div className="screen">
      <header className="screen-header">
        <h1>{label}</h1>
      </header>
      <EmptyState title="Not connected in this build">{NOT_CONNECTED[destination.screen]} Settings work now.</EmptyState>
    </div>
  );
}
