import type { Migration } from '../migrate';
import { initialSchema } from './001-initial-schema';
import { importMappings } from './002-import-mappings';
import { outreachAndEnrichment } from './003-outreach-and-enrichment';
import { leadImportAndSearch } from './004-lead-import-and-search';
import { researchLibrary } from './005-research-library';
import { companyProfileCurator } from './006-company-profile-curator';
import { enrichmentRunner } from './007-enrichment-runner';
import { researchLibraryPages } from './008-research-library-pages';
import { intelRunOwner } from './009-intel-run-owner';
import { leadsContactCreatedIndex } from './010-leads-contact-created-index';
import { searchIndexFollowsImportUpdates } from './011-search-index-follows-import-updates';
import { workflows } from './012-workflows';
import { watchesAndAlerts } from './013-watches-and-alerts';
import { plans } from './014-plans';
import { importedEventFromLead } from './015-imported-event-from-lead';
import { customFieldsOnTheLead } from './016-custom-fields-on-the-lead';
import { companyListColumns } from './017-company-list-columns';
import { workingTheLeads } from './018-working-the-leads';
import { planStepsAndAlertActions } from './019-plan-steps-and-alert-actions';
import { planRunTriggers } from './020-plan-run-triggers';
import { draftLlmFallback } from './021-draft-llm-fallback';
import { planAlertsSince } from './022-plan-alerts-since';
import { cancelledPlanRuns } from './023-cancelled-plan-runs';
import { planRunCancelRequests } from './024-plan-run-cancel-requests';
import { searchIndexOverContacts } from './025-search-index-over-contacts';

/** Every schema change, oldest first. Add a new file and entry; never edit one that has shipped. */
export const migrations: readonly Migration[] = [
  initialSchema,
  importMappings,
  outreachAndEnrichment,
  leadImportAndSearch,
  researchLibrary,
  companyProfileCurator,
  enrichmentRunner,
  researchLibraryPages,
  intelRunOwner,
  leadsContactCreatedIndex,
  searchIndexFollowsImportUpdates,
  workflows,
  watchesAndAlerts,
  plans,
  importedEventFromLead,
  customFieldsOnTheLead,
  companyListColumns,
  workingTheLeads,
  planStepsAndAlertActions,
  planRunTriggers,
  draftLlmFallback,
  planAlertsSince,
  cancelledPlanRuns,
  planRunCancelRequests,
  searchIndexOverContacts,
];
