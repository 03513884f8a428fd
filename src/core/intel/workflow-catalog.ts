import fs from 'node:fs';
import type { Db } from '../store/database';
import type { Settings } from '../settings/schema';
import { UserFacingError } from '../errors';
import { z } from 'zod';
import { BUILTIN_COMPONENTS, BUILTIN_WORKFLOWS, planSteps } from './workflows';
import { workflowSchemaFor, type StepDefinition, type WorkflowDefinition } from './workflow-definition';
import { disabledComponents } from './step-options';
import { WorkflowStore } from './workflow-store';

export interface WorkflowEntry extends WorkflowDefinition {
  builtin: boolean;
}

/** One problem with a workflow and the field it is in (`name`, `steps[2].dependsOn`, `steps`): what the editor shows. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type WorkflowCheck = { ok: true; workflow: WorkflowDefinition } | { ok: false; issues: FieldIssue[] };

/** Every workflow by name: the two built-ins and the analyst's own (table `workflows`), and the plan of a lookup. */
export class WorkflowCatalog {
  private readonly store: WorkflowStore;

  constructor(
    db: Db,
    private readonly settings: () => Settings,
  ) {
    this.store = new WorkflowStore(db);
  }

  list(): WorkflowEntry[] {
    const own = this.store.all().map((workflow) => ({ ...workflow, builtin: false }));
    return [...Object.values(BUILTIN_WORKFLOWS).map((w) => ({ ...w, builtin: true })), ...own];
  }

  get(name: string): WorkflowDefinition {
    const builtin = BUILTIN_WORKFLOWS[name as keyof typeof BUILTIN_WORKFLOWS];
    if (builtin) return builtin;
    const own = this.store.get(name);
    if (!own)
      throw new UserFacingError(
        'unknown_workflow',
        `No workflow named "${name}". Known: ${this.list()
          .map((w) => w.name)
          .join(', ')}.`,
      );
    return own;
  }

  /** Checks a workflow against this installation's components without storing it; the built-ins' names are taken. */
  check(input: unknown): WorkflowCheck {
    const parsed = workflowSchemaFor(this.knownComponents()).safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        issues: parsed.error.issues.map((issue) => ({ field: z.core.toDotPath(issue.path), message: issue.message })),
      };
    if (parsed.data.name in BUILTIN_WORKFLOWS)
      return {
        ok: false,
        issues: [{ field: 'name', message: `"${parsed.data.name}" is a built-in workflow; give yours another name` }],
      };
    return { ok: true, workflow: parsed.data };
  }

  /** Stores the workflow (replacing the analyst's own of that name) when it is valid; else says what is wrong where. */
  save(input: unknown): WorkflowCheck {
    const checked = this.check(input);
    if (checked.ok) this.store.save(checked.workflow);
    return checked;
  }

  /** Validates and stores a workflow, throwing its problems as one message (the command line). */
  add(input: unknown): WorkflowDefinition {
    const saved = this.save(input);
    if (!saved.ok)
      throw new UserFacingError(
        'invalid_workflow',
        `Invalid workflow: ${saved.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}.`,
      );
    return saved.workflow;
  }

  /** A workflow from a JSON file. */
  addFile(file: string): WorkflowDefinition {
    let input: unknown;
    try {
      input = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UserFacingError(
        'invalid_workflow',
        `${file}: not a readable JSON file (${(error as Error).message}).`,
        { cause: error },
      );
    }
    try {
      return this.add(input);
    } catch (error) {
      if (error instanceof UserFacingError)
        throw new UserFacingError(error.code, `${file}: ${error.message}`, { cause: error });
      throw error;
    }
  }

  remove(name: string): boolean {
    return this.store.remove(name);
  }

  /** The steps a lookup with this workflow runs (see `planSteps`). */
  /** `settings`: those the caller already read for the same lookup, so they are not read and checked twice. */
  plan(name: string, types?: string[], settings: Settings = this.settings()): StepDefinition[] {
    try {
      return planSteps(this.get(name), this.customSteps(settings), types, disabledComponents(settings));
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      throw new UserFacingError('unknown_component', (error as Error).message);
    }
  }

  knownComponents(): string[] {
    return [...BUILTIN_COMPONENTS, ...this.customSteps(this.settings()).map((s) => s.component)];
  }

  private customSteps(settings: Settings): StepDefinition[] {
    return settings.intel.customComponents.map((c) => ({ component: c.name, dependsOn: c.dependsOn }));
  }
}
