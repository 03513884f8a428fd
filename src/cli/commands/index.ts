import type { RegisterCommand } from '../shared/register';
import { registerStatus } from './status';
import { registerKeys } from './keys';
import { registerImport } from './import';
import { registerImports } from './imports';
import { registerLeads } from './leads';
import { registerCompanies } from './companies';
import { registerEnrich } from './enrich';
import { registerDraft } from './draft';
import { registerDrafts } from './drafts';
import { registerProcess } from './process';
import { registerLookup } from './lookup';
import { registerIntel } from './intel';
import { registerWorkflow } from './workflow';
import { registerWatch } from './watch';
import { registerAlerts } from './alerts';
import { registerPlans } from './plans';
import { registerRuns } from './runs';
import { registerLibrary } from './library';
import { registerProfile } from './profile';
import { registerSettings } from './settings';
import { registerSample } from './sample';

/** Every subcommand, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerStatus,
  registerSettings,
  registerKeys,
  registerImport,
  registerImports,
  registerLeads,
  registerCompanies,
  registerEnrich,
  registerDraft,
  registerDrafts,
  registerProcess,
  registerLookup,
  registerIntel,
  registerWorkflow,
  registerWatch,
  registerAlerts,
  registerPlans,
  registerRuns,
  registerProfile,
  registerLibrary,
  registerSample,
];
