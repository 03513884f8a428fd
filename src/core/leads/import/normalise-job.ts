import type { JobDefinition } from '../../jobs/protocol';
import { normaliseFile, type NormalisedBatch, type NormaliseFileInput } from './normalise-file';

/** `leads.normalise`: reads and normalises a lead file beside the import that writes it; batches arrive as progress. */
export const job: JobDefinition<NormaliseFileInput, NormalisedBatch, string> = {
  run: (input, { signal, progress }) => normaliseFile(input, progress, { signal }),
};
