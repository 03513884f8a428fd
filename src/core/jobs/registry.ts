import type { JobDefinition } from './protocol';

type JobLoader = () => Promise<{ job: JobDefinition<never, unknown, unknown> }>;

/**
 * Every job a worker can run, by name, loaded on demand. A lazy `import()` keeps each job's dependencies
 * out of the others' workers and lets electron-vite split them into chunks of the worker bundle.
 */
export const jobModules = {
  'leads.preview': () => import('../leads/read/preview-job'),
  'leads.import': () => import('../leads/import/import-job'),
  'leads.normalise': () => import('../leads/import/normalise-job'),
  'enrichment.batch': () => import('../enrichment/enrichment-job'),
  'research.read': () => import('../research/read-job'),
} satisfies Record<string, JobLoader>;

export type JobName = keyof typeof jobModules;
