import { UserFacingError } from '../errors';
import type { LibraryIndexSummary } from '../intel/domain';
import type { ResearchLibraryService } from '../research/library-service';
import type { SecretStore } from '../secrets/secret-store';
import type { Settings } from '../settings/schema';
import type { SettingsService } from '../settings/settings-service';
import { setupState, type SetupState, type Surface } from './first-run';
import { SAMPLE_COMPANY, SAMPLE_LABEL, type SampleData } from './sample-data';

/** What choosing the sample data did: the research folder set and indexed, and the lead file to import. */
export interface SampleInUse {
  label: string;
  company: string;
  researchFolder: string;
  leadsFile: string;
  indexed: LibraryIndexSummary;
}

/** First run: what a newcomer has set up, and the shipped sample data as the research folder. */
export class SetupService {
  constructor(
    private readonly options: {
      settings: SettingsService;
      effectiveSettings: () => Settings;
      secrets: SecretStore;
      library: ResearchLibraryService;
      sample?: SampleData;
    },
  ) {}

  state(surface: Surface): Promise<SetupState> {
    return setupState(this.options.effectiveSettings(), this.options.secrets, this.options.sample, surface);
  }

  /** Makes the sample research folder the research folder (replacing any other) and indexes it. */
  async useSample(): Promise<SampleInUse> {
    const sample = this.options.sample;
    if (!sample)
      throw new UserFacingError(
        'no_sample_data',
        'This build has no sample data (resources/sample-data is missing); choose a research folder of your own.',
      );
    this.options.settings.update({ researchFolder: sample.researchFolder });
    const indexed = await this.options.library.index();
    return {
      label: SAMPLE_LABEL,
      company: SAMPLE_COMPANY,
      researchFolder: sample.researchFolder,
      leadsFile: sample.leadsFile,
      indexed,
    };
  }
}
