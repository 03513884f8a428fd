import { z } from 'zod';
import { channel } from '../define';
import { fileTokenSchema } from '../file-tokens';
import { REPORT_FORMATS } from '../../intel/report-export';

export const reportExportChannels = {
  /** Writes a stored report as PDF, HTML or Markdown to a file the analyst chose in main's save dialog. */
  'intel:exportReport': channel(
    z.object({ runId: z.number().int().positive(), format: z.enum(REPORT_FORMATS), file: fileTokenSchema }),
    z.object({ path: z.string(), bytes: z.number().int() }),
  ),
};
