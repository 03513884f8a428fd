import type { AppServices } from '../../services/app-services';
import type { Handler } from '../dispatch';
import type { workflowChannels } from '../channels/workflows';
import { WorkflowCatalog } from '../../intel/workflow-catalog';
import { watchServiceFor } from '../../schedule/app-scheduler';

type WorkflowChannel = keyof typeof workflowChannels;

/** The workflow editor's channels over the process's database and settings. */
export function createWorkflowHandlers(services: AppServices): { [C in WorkflowChannel]: Handler<C> } {
  const catalog = new WorkflowCatalog(services.db, () => services.effectiveSettings());
  return {
    'workflows:list': () => ({ workflows: catalog.list(), components: catalog.knownComponents() }),
    'workflows:save': ({ workflow }) => catalog.save(workflow),
    'workflows:remove': ({ name }) => ({ removed: watchServiceFor(services).removeWorkflow(name) }),
  };
}
