import { describe, expect, it } from 'vitest';
import { watchServiceFor } from '../../src/core/schedule/app-scheduler';
import { WorkflowCatalog } from '../../src/core/intel/workflow-catalog';
import { createHandlers } from '../../src/core/ipc/handlers';
import { dispatch } from '../../src/core/ipc/dispatch';
import { testServices } from '../support/services';

describe('removing a workflow', () => {
  it('is refused while a watch runs it, naming the watch, and allowed once the watch runs another', async () => {
    const services = testServices();
    const catalog = new WorkflowCatalog(services.db, services.effectiveSettings);
    catalog.add({ name: 'light', steps: [{ component: 'identity' }, { component: 'news', dependsOn: ['identity'] }] });
    const watches = watchServiceFor(services);
    watches.add('Lumora Analytics', { workflow: 'light' });
    const handlers = createHandlers(services);

    expect(await dispatch(handlers, 'workflows:remove', { name: 'light' })).toEqual({
      ok: false,
      error: {
        code: 'workflow_in_use',
        message: 'Lumora Analytics is watched with workflow light: watch it with another workflow first.',
      },
    });
    expect(catalog.get('light').name).toBe('light');

    watches.add('Lumora Analytics', { workflow: 'standard' });
    expect(await dispatch(handlers, 'workflows:remove', { name: 'light' })).toEqual({
      ok: true,
      data: { removed: true },
    });
    expect(catalog.list().map((w) => w.name)).toEqual(['standard', 'comprehensive']);
    services.close();
  });
});
