import type { JobDefinition } from '../../jobs/protocol';
import { previewTable } from './open-table';
import type { TablePreview } from './table';

/** `leads.preview`: looks at a lead file off the app's main thread, under the file heap limits (`runFileJob`). */
export const job: JobDefinition<{ file: string; sheet?: string }, never, TablePreview> = {
  run: ({ file, sheet }) => previewTable(file, { sheet }),
};
